package io.github.tcptracer.analysis.input;

/**
 * One decoded connection event: the fields the analysis uses, whatever wrote the file.
 *
 * @param kernelTimeMillis wall-clock time the kernel saw the event (epoch milliseconds)
 * @param kernelNanos      CLOCK_MONOTONIC nanoseconds: the order of events and the span between two
 * @param lifetimeNanos    close only: the lifetime the tracer measured, -1 when unknown
 * @param bytesSent        close only: -1 when the event carries no byte counts
 * @param bytesReceived    close only: -1 when the event carries no byte counts
 * @param error            close and failed connect: errno name, empty when none
 */
public record TcpEvent(TcpEventKind kind, String address, int port, String localAddress, int localPort, int pid,
		int tid, String command, long kernelTimeMillis, long kernelNanos, long lifetimeNanos, long bytesSent,
		long bytesReceived, String error) {

	public static final long UNKNOWN = -1;

	public boolean hasError() {
		return !error.isEmpty();
	}
}
