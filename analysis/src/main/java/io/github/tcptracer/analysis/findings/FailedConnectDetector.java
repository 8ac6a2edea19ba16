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
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Endpoints that refused, timed out or otherwise failed connects. */
public final class FailedConnectDetector {
	/** Keys of the finding's numbers. */
	public static final String FAILED = "failed";
	public static final String ATTEMPTS = "attempts";
	public static final String FAILED_RATIO = "failedRatio";

	private FailedConnectDetector() {
	}

	/** One finding per endpoint with failed connects, most failures first. */
	public static List<Finding> detect(TcpAnalysis analysis) {
		return analysis.endpoints().stream()
				.filter(stats -> stats.failedConnects() > 0)
				.sorted(Comparator.comparingLong(EndpointStats::failedConnects).reversed())
				.map(stats -> finding(analysis.ref(stats.endpoint()), stats))
				.toList();
	}

	private static Finding finding(EndpointRef endpoint, EndpointStats stats) {
		long attempts = stats.failedConnects() + stats.opened();
		double ratio = (double) stats.failedConnects() / attempts;
		Map<String, Number> numbers = new LinkedHashMap<>();
		numbers.put(FAILED, stats.failedConnects());
		numbers.put(ATTEMPTS, attempts);
		numbers.put(FAILED_RATIO, ratio);
		double score = Scores.ofFailures(stats.failedConnects(), attempts);
		String errors = stats.failuresByError().entrySet().stream()
				.map(e -> e.getKey() + " " + Units.count(e.getValue()))
				.collect(Collectors.joining(", "));
		String summary = Units.count(stats.failedConnects()) + " of " + Units.count(attempts) + " connects to "
				+ endpoint.label() + " failed (" + Units.percent(ratio) + "): " + errors;
		return new Finding(Finding.FAILED_CONNECTS, Scores.severity(score), score, endpoint, summary, numbers,
				new TreeMap<>(stats.failuresByError()));
	}
}
