package io.github.tcptracer.analysis.connections;

import java.util.Arrays;

/** Nearest-rank percentiles: each one is a value that occurred, never an interpolation. */
public final class Percentiles {
	private final long[] sorted;

	private Percentiles(long[] sorted) {
		this.sorted = sorted;
	}

	public static Percentiles of(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return new Percentiles(sorted);
	}

	public int count() {
		return sorted.length;
	}

	/** The smallest value with at least p percent of all values at or below it; -1 when empty. */
	public long percentile(double p) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}

	public long median() {
		return percentile(50);
	}

	public long max() {
		return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
	}
}
