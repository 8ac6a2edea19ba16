package io.github.tcptracer.capture;

import java.io.IOException;

/** Where a trace's events go: bcc-style lines, a .jfr file, a JVM's own recording. */
public interface TraceSink extends AutoCloseable {
	void onEvent(TcpEvent event) throws IOException;

	/**
	 * Called after every poll of the ring buffer (also when it was empty), at least every
	 * {@link TraceLoop#POLL_INTERVAL_MILLIS} ms: the moment to flush what is due.
	 *
	 * @param kernelLostTotal events the kernel could not deliver since the trace started
	 */
	default void afterPoll(long kernelLostTotal) throws IOException {
	}

	/** The trace ended; write out everything. */
	@Override
	void close() throws IOException;
}
