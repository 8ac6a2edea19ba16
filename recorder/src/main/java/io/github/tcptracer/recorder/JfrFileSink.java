package io.github.tcptracer.recorder;

import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TraceSink;
import io.github.tcptracer.jfr.TcpConnectionEvent;
import io.github.tcptracer.jfr.TcpEventTypes;
import io.github.tcptracer.jfr.TcpTracerStatisticsEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Records a trace into a .jfr file that the JDK's {@code jfr} tool and JMC open, alone or
 * appended to a JVM's own recording ({@code cat app.jfr tcp.jfr}).
 *
 * <p>Durability: the file is a sequence of self-contained JFR chunks. At the first poll after the
 * flush interval has passed (or after {@link #MAX_CHUNK_EVENTS} events), the chunk so far is
 * finished and appended whole, then forced to disk (in the background, as closing a chunk can
 * take half a second, see {@link ChunkCommitter}). A killed recorder so loses the events of the
 * last interval or so; the file up to there opens. An interval with no events and no losses
 * writes nothing (a chunk carries about 10 kB of metadata); its counts go into the next chunk,
 * whose statistics event spans both intervals.
 *
 * <p>The file: created for its owner only (0600). An existing file or symlink at the path is
 * refused with an {@link IOException} whose message is one line for the user; it is never
 * overwritten or followed.
 *
 * <p>Statistics: each chunk ends with a statistics event counting what happened since the
 * previous one; closing the sink always writes one, so that a recording holds at least one chunk
 * and ends with the counts of its last period.
 *
 * <p>Time: an event's start time is its kernel timestamp and its thread the traced task (see
 * {@link JfrChunk}). In {@code cat app.jfr tcp.jfr}, JDK 17's parser and JMC place every event
 * right; JDK 25's parser converts all chunks with the first chunk's clock, and a JVM's clock
 * counts from the JVM's start, so there the events of the later file appear shifted (their
 * {@code kernelTime} field stays right).
 *
 * <p>Its methods may be called from any thread.
 */
public final class JfrFileSink implements TraceSink {
	/**
	 * A chunk with this many events is finished at the next poll, however young: the JMC writer
	 * keeps a chunk in memory until it is finished (about 75 bytes an event).
	 */
	static final int MAX_CHUNK_EVENTS = 500_000;

	private final ChunkCommitter committer;
	private final Path path;
	private final long flushIntervalNanos;
	private final KernelClock clock = KernelClock.now();
	private final TraceStatistics statistics = new TraceStatistics();
	/** CLOCK_MONOTONIC ns where the current chunk and statistics period begin: the previous end. */
	private long periodStart = System.nanoTime();
	/** The chunk being filled; null until the period's first event. */
	private JfrChunk chunk;
	private boolean closed;
	/**
	 * Whether a chunk was finished: after that each period starts where the last one ended (a later
	 * chunk starting before it would overlap it).
	 */
	private boolean chunkWritten;

	private JfrFileSink(ChunkedFile file, Duration flushInterval) {
		this.committer = new ChunkCommitter(file);
		this.path = file.path();
		this.flushIntervalNanos = flushInterval.toNanos();
	}

	/**
	 * Creates {@code file} and records into it; while events arrive, a chunk is written at least
	 * every {@code flushInterval}.
	 *
	 * @throws IOException with a one-line message, when the file exists or cannot be created
	 */
	public static JfrFileSink open(Path file, Duration flushInterval) throws IOException {
		if (flushInterval.isNegative() || flushInterval.isZero()) {
			throw new IllegalArgumentException("the flush interval must be positive: " + flushInterval);
		}
		// Read the schema before creating the file, so that a broken schema leaves no empty file.
		TcpEventTypes.ALL.forEach(SchemaType::of);
		return new JfrFileSink(ChunkedFile.create(file), flushInterval);
	}

	@Override
	public synchronized void onEvent(TcpEvent event) throws IOException {
		ensureOpen();
		TcpConnectionEvent jfr = JfrEvents.from(event, clock);
		if (jfr == null) {
			statistics.dropped();
			return;
		}
		if (chunk == null) {
			if (!chunkWritten) {
				// Events the tracer caught before this sink opened: the recording starts with them.
				periodStart = Math.min(periodStart, event.timestampNanos());
			}
			chunk = JfrChunk.open(periodStart, clock);
		}
		chunk.write(jfr);
		statistics.recorded(event.type());
	}

	@Override
	public synchronized void afterPoll(long kernelLostTotal) throws IOException {
		ensureOpen();
		committer.throwFailure();
		statistics.kernelLostTotal(kernelLostTotal);
		long now = System.nanoTime();
		// A chunk exists only once an event was counted, so hasNews() covers it.
		boolean due = now - periodStart >= flushIntervalNanos && statistics.hasNews();
		if (due || (chunk != null && chunk.events() >= MAX_CHUNK_EVENTS)) {
			finishChunk(now);
		}
	}

	/** Writes the last chunk, with the final statistics, waits until all is written, closes the file. */
	@Override
	public synchronized void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		try (committer) {
			finishChunk(System.nanoTime());
		}
	}

	private void finishChunk(long now) {
		JfrChunk finishing = chunk != null ? chunk : JfrChunk.open(periodStart, clock);
		chunk = null;
		try {
			TcpTracerStatisticsEvent counts = new TcpTracerStatisticsEvent();
			statistics.takeInto(counts);
			finishing.write(counts, periodStart, now);
		} finally {
			periodStart = now;
			chunkWritten = true;
			// Separator after the next chunk's start (now): JMC loads only one chunk per start time.
			committer.commit(finishing, now + 1);
		}
	}

	private void ensureOpen() throws IOException {
		if (closed) {
			throw new IOException("the recording " + path + " is already closed");
		}
	}
}
