package io.github.tcptracer.cli;

import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TraceSink;
import java.io.PrintStream;

/**
 * Prints a trace as bcc's tcptracer does. Lines collect in the stream's buffer and are flushed
 * once per poll that produced any, so they show up within a poll interval even through a
 * pipe, without one write per line.
 */
final class BccLinePrinter implements TraceSink {
	/** Lines are handed to the stream in blocks of about this many bytes. */
	private static final int BLOCK_BYTES = 1 << 16;

	private final PrintStream out;
	private final BccLineFormat format;
	/** Lines of this poll not yet handed to the stream, already UTF-8: one write per block. */
	private final LineBytes pending = new LineBytes(BLOCK_BYTES + 512);
	private boolean unflushed;
	/** Told once: the trace ends on it, and closing must not say it again. */
	private boolean closedReported;

	/** @param out block-buffered (not autoflush), so that only {@link #afterPoll} writes */
	BccLinePrinter(PrintStream out, BccLineFormat format) {
		this.out = out;
		this.format = format;
	}

	/** The banner and the header: bcc prints them once the programs are attached. */
	void printPreamble() throws OutputClosedException {
		out.print(BccLineFormat.BANNER);
		out.print(format.header());
		flush();
	}

	@Override
	public void onEvent(TcpEvent event) {
		if (format.appendLine(pending, event)) {
			unflushed = true;
			if (pending.length() >= BLOCK_BYTES) {
				handOver();
			}
		}
	}

	private void handOver() {
		out.write(pending.bytes(), 0, pending.length());
		pending.clear();
	}

	@Override
	public void afterPoll(long kernelLostTotal) throws OutputClosedException {
		if (unflushed) {
			flush();
		}
	}

	@Override
	public void close() throws OutputClosedException {
		flush();
	}

	/**
	 * PrintStream keeps the IOException to itself, so a failed write shows as checkError(). It is
	 * almost always EPIPE; any other failure to write stdout ends the trace the same way. Said
	 * once: after it, lines are dropped.
	 */
	private void flush() throws OutputClosedException {
		unflushed = false;
		handOver();
		out.flush();
		if (out.checkError() && !closedReported) {
			closedReported = true;
			throw new OutputClosedException();
		}
	}
}
