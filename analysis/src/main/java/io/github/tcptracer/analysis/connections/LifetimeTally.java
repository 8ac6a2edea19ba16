package io.github.tcptracer.analysis.connections;

/** Lifetimes of all connections, counted into histogram bins as the pairer hands them on. */
public final class LifetimeTally {
	/** Bin bounds: decades from 100 us to 10 s, then a minute, ten minutes and an hour. */
	private static final long[] UPPER_BOUNDS_NANOS = {100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
			1_000_000_000L, 10_000_000_000L, 60_000_000_000L, 600_000_000_000L, 3_600_000_000_000L};

	private long closed;
	private long withLifetime;
	private final long[] bins = new long[UPPER_BOUNDS_NANOS.length + 1];

	void add(Connection connection) {
		if (connection.isClosed()) {
			closed++;
		}
		if (connection.hasLifetime()) {
			withLifetime++;
			int bin = 0;
			while (bin < UPPER_BOUNDS_NANOS.length && connection.lifetimeNanos() >= UPPER_BOUNDS_NANOS[bin]) {
				bin++;
			}
			bins[bin]++;
		}
	}

	public long closed() {
		return closed;
	}

	public long withLifetime() {
		return withLifetime;
	}

	/** Number of bins; the last one has no upper bound. */
	public int bins() {
		return bins.length;
	}

	public long count(int bin) {
		return bins[bin];
	}

	/** The bin's exclusive upper bound, or null for the last bin. */
	public Long upperBoundNanos(int bin) {
		return bin < UPPER_BOUNDS_NANOS.length ? UPPER_BOUNDS_NANOS[bin] : null;
	}
}
