package io.github.tcptracer.analysis.findings;

import io.github.tcptracer.analysis.connections.EndpointStats;
import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.model.EndpointRef;
import io.github.tcptracer.analysis.model.Finding;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Endpoints whose connections ended in a reset (close error {@value EndpointStats#RESET}). */
public final class ResetDetector {
	/** Keys of the finding's numbers. */
	public static final String RESETS = "resets";
	public static final String CLOSES = "closes";
	public static final String RESET_RATIO = "resetRatio";

	private ResetDetector() {
	}

	/** One finding per endpoint with resets, most resets first. */
	public static List<Finding> detect(TcpAnalysis analysis) {
		return analysis.endpoints().stream()
				.filter(stats -> stats.resets() > 0)
				.sorted(Comparator.comparingLong(EndpointStats::resets).reversed())
				.map(stats -> finding(analysis.ref(stats.endpoint()), stats))
				.toList();
	}

	private static Finding finding(EndpointRef endpoint, EndpointStats stats) {
		double ratio = (double) stats.resets() / stats.closes();
		Map<String, Number> numbers = new LinkedHashMap<>();
		numbers.put(RESETS, stats.resets());
		numbers.put(CLOSES, stats.closes());
		numbers.put(RESET_RATIO, ratio);
		double score = Scores.ofFailures(stats.resets(), stats.closes());
		String summary = Units.count(stats.resets()) + " of " + Units.count(stats.closes())
				+ " connections with " + endpoint.label() + " ended in a reset (" + Units.percent(ratio) + ")";
		return new Finding(Finding.RESETS, Scores.severity(score), score, endpoint, summary, numbers, null);
	}
}
