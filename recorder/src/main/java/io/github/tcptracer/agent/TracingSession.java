package io.github.tcptracer.agent;

import io.github.tcptracer.capture.CaptureException;
import io.github.tcptracer.capture.TcpTracer;
import io.github.tcptracer.recorder.KernelClock;
import java.util.function.Supplier;

/**
 * The BPF programs attached for this process while a recording wants the events, with the sink
 * that commits them (and the lines file, if asked for). Polled by the agent thread; drained by
 * JFR's periodic thread before each statistics event.
 */
final class TracingSession implements AutoCloseable {
	/** Bound on how long JFR's thread waits for the lines file before the statistics event. */
	private static final long LINES_WAIT_MILLIS = 200;

	private final TcpTracer tracer;
	private final RecordingSink sink;
	private final LineWriter lines;

	private TracingSession(TcpTracer tracer, RecordingSink sink, LineWriter lines) {
		this.tracer = tracer;
		this.sink = sink;
		this.lines = lines;
	}

	/**
	 * Attaches the programs, filtered in the kernel on this process.
	 *
	 * @param threads asked for only once the programs run: finding Java threads loads JNA, which
	 *                must wait for the tracer's checks (privileges, JNA's directory), so that a host
	 *                where tracing cannot start gets the agent's one line and nothing from the JVM
	 *                or JNA (JDK 24+ warns when JNA loads its library); it gives null where
	 *                none can be found
	 * @param linesFile the lines= file, null for none
	 */
	static TracingSession start(AgentOptions options, Supplier<JavaThreads> threads, LinesFile linesFile)
			throws CaptureException {
		long pid = ProcessHandle.current().pid();
		KernelClock clock = KernelClock.now();
		TcpTracer tracer = TcpTracer.start(options.traceOptions(pid));
		try {
			// null after a warning where the file cannot be opened: JFR gets the events all the same
			LineWriter lines = linesFile == null ? null : linesFile.open();
			return new TracingSession(tracer, new RecordingSink(clock, pid, threads.get(), lines), lines);
		} catch (RuntimeException | Error e) {
			tracer.close(); // never leave programs attached that nobody polls
			throw e;
		}
	}

	/** Commits what the kernel has delivered; never blocks. */
	void poll() {
		tracer.poll(sink);
	}

	/**
	 * Commits what the kernel has delivered up to now, then the statistics event: called when a
	 * chunk ends, so a recording that stops holds its last events and their counts. It runs on
	 * the thread that ends the chunk (perhaps the application's, holding JFR's lock), so both
	 * waits are bounded by time ({@link ChunkEndDrain}).
	 */
	void commitStatistics() throws InterruptedException {
		ChunkEndDrain.drain(() -> tracer.poll(sink, ChunkEndDrain.RECORDS_PER_POLL), ChunkEndDrain.BUDGET_NANOS,
				System::nanoTime);
		if (lines != null) {
			lines.awaitWritten(LINES_WAIT_MILLIS);
		}
		sink.commitStatistics(tracer.lostEvents());
	}

	/** Detaches the programs; the lines file gets what is queued. */
	@Override
	public void close() {
		try {
			tracer.close();
		} finally {
			if (lines != null) {
				lines.close();
			}
		}
	}
}
