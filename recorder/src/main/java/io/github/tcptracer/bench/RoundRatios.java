package io.github.tcptracer.bench;

import java.util.Arrays;

/**
 * Throughput ratios of alternating rounds: each traced round against the mean of the untraced
 * rounds either side of it. The machine's own speed drifts over a run (other guests, thermal
 * state); a traced round compared with its neighbours sees little of that drift, where a ratio of
 * the two sides' medians takes all of it.
 */
final class RoundRatios {
	private final double[] ratios;

	private RoundRatios(double[] ratios) {
		this.ratios = ratios;
	}

	/** One per traced round, in order. */
	double[] ratios() {
		return ratios.clone();
	}

	/**
	 * @param untraced conn/s of the untraced rounds, one more than {@code traced}: the run starts
	 *                 and ends untraced
	 * @param traced   conn/s of the traced rounds; traced[i] ran between untraced[i] and untraced[i + 1]
	 */
	static RoundRatios of(double[] untraced, double[] traced) {
		if (untraced.length != traced.length + 1) {
			throw new IllegalArgumentException("each traced round needs an untraced round either side");
		}
		double[] ratios = new double[traced.length];
		for (int i = 0; i < traced.length; i++) {
			ratios[i] = traced[i] / ((untraced[i] + untraced[i + 1]) / 2);
		}
		return new RoundRatios(ratios);
	}

	double median() {
		return median(ratios);
	}

	double min() {
		return Arrays.stream(ratios).min().orElse(Double.NaN);
	}

	double max() {
		return Arrays.stream(ratios).max().orElse(Double.NaN);
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}
}
