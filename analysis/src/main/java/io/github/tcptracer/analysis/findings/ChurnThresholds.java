package io.github.tcptracer.analysis.findings;

/**
 * When an outbound endpoint counts as churned: at least {@code minConnections} connections opened
 * to it during the recording, at {@code minConnectionsPerSecond} or faster (its connections over
 * the time from its first to its last connect, taken as at least one second), and the median
 * lifetime of its closed connections below {@code maxMedianLifetimeNanos}. A pool that works keeps
 * a few long-lived connections; a missing or undersized one opens a short-lived connection per
 * request, which costs a handshake each time and leaves sockets in TIME_WAIT.
 */
public record ChurnThresholds(long minConnections, long maxMedianLifetimeNanos, double minConnectionsPerSecond) {
	public static final ChurnThresholds DEFAULT = new ChurnThresholds(100, 1_000_000_000L, 1.0);
}
