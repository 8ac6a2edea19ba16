package io.github.tcptracer.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a test's own clock says about the lifetimes of a group of connections. The kernel starts a
 * connection's life inside connect() (or accept()) and ends it inside close(), so each lifetime is
 * at least the time from both opens having returned to the first close being called, and at most
 * the time from connect() being called to the last close having returned. System.nanoTime() reads
 * CLOCK_MONOTONIC, the clock of the kernel's event times, so the bounds need no tolerance beyond a
 * little slack for the kernel's lock-free read of that clock.
 */
final class LifetimeBounds {
	private static final long SLACK_NANOS = 1_000_000;

	private long shortest = Long.MAX_VALUE;
	private long longest;

	/** Only an upper bound is known: the connections lived within {@code nanos} (a child JVM's run). */
	static LifetimeBounds atMost(long nanos) {
		LifetimeBounds bounds = new LifetimeBounds();
		bounds.shortest = 0;
		bounds.longest = nanos;
		return bounds;
	}

	/** One connection, by System.nanoTime(): before connect, after the opens, before and after the closes. */
	void add(long opening, long opened, long closing, long closed) {
		shortest = Math.min(shortest, closing - opened);
		longest = Math.max(longest, closed - opening);
	}

	long shortestNanos() {
		return shortest;
	}

	long longestNanos() {
		return longest;
	}

	void assertHolds(long lifetimeNanos, String what) {
		assertTrue(lifetimeNanos >= shortest - SLACK_NANOS && lifetimeNanos <= longest + SLACK_NANOS,
				() -> what + " " + lifetimeNanos + " ns is not within the measured " + this);
	}

	@Override
	public String toString() {
		return "[" + shortest + ", " + longest + "] ns";
	}
}
