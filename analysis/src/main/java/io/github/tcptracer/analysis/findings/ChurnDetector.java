package io.github.tcptracer.analysis.findings;

import io.github.tcptracer.analysis.connections.Direction;
import io.github.tcptracer.analysis.connections.EndpointStats;
import io.github.tcptracer.analysis.connections.Percentiles;
import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.model.EndpointRef;
import io.github.tcptracer.analysis.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/** Outbound endpoints with connection churn, as {@link ChurnThresholds} defines it. */
public final class ChurnDetector {
	/** Keys of the finding's numbers. */
	public static final String CONNECTIONS = "connections";
	public static final String CONNECTIONS_PER_SECOND = "connectionsPerSecond";
	public static final String MEDIAN_LIFETIME_NANOS = "medianLifetimeNanos";
	public static final String CLOSED_WITH_LIFETIME = "closedWithLifetime";
	public static final String MIN_CONNECTIONS = "minConnections";
	public static final String MIN_CONNECTIONS_PER_SECOND = "minConnectionsPerSecond";
	public static final String MAX_MEDIAN_LIFETIME_NANOS = "maxMedianLifetimeNanos";
	private static final double NANOS_PER_SECOND = 1e9;

	private ChurnDetector() {
	}

	/** One finding per churned endpoint, most connections first. */
	public static List<Finding> detect(TcpAnalysis analysis, ChurnThresholds thresholds) {
		List<Finding> findings = new ArrayList<>();
		analysis.endpoints().stream()
				.filter(stats -> stats.endpoint().direction() == Direction.OUTBOUND)
				.filter(stats -> stats.opened() >= thresholds.minConnections())
				.sorted(Comparator.comparingLong(EndpointStats::opened).reversed())
				.forEach(stats -> {
					Percentiles lifetimes = stats.lifetimes();
					double rate = ratePerSecond(stats);
					if (lifetimes.count() > 0 && lifetimes.median() < thresholds.maxMedianLifetimeNanos()
							&& rate >= thresholds.minConnectionsPerSecond()) {
						findings.add(finding(analysis.ref(stats.endpoint()), stats, lifetimes, rate, thresholds));
					}
				});
		return findings;
	}

	/** Connections opened per second, over the time from the first to the last (at least 1 s). */
	static double ratePerSecond(EndpointStats stats) {
		double seconds = Math.max(1.0, (stats.lastOpenNanos() - stats.firstOpenNanos()) / NANOS_PER_SECOND);
		return stats.opened() / seconds;
	}

	private static Finding finding(EndpointRef endpoint, EndpointStats stats, Percentiles lifetimes, double rate,
			ChurnThresholds thresholds) {
		Map<String, Number> numbers = new LinkedHashMap<>();
		numbers.put(CONNECTIONS, stats.opened());
		numbers.put(CONNECTIONS_PER_SECOND, rate);
		numbers.put(MEDIAN_LIFETIME_NANOS, lifetimes.median());
		numbers.put(CLOSED_WITH_LIFETIME, lifetimes.count());
		numbers.put(MIN_CONNECTIONS, thresholds.minConnections());
		numbers.put(MIN_CONNECTIONS_PER_SECOND, thresholds.minConnectionsPerSecond());
		numbers.put(MAX_MEDIAN_LIFETIME_NANOS, thresholds.maxMedianLifetimeNanos());
		// 75 (a warning) at the rate threshold, towards 100 as the rate grows.
		double score = RulesToolkit.mapExp100(rate, thresholds.minConnectionsPerSecond());
		String summary = Units.count(stats.opened()) + " connections to " + endpoint.label() + " at "
				+ Units.rate(rate) + ", median lifetime " + Units.duration(lifetimes.median())
				+ ": a missing or undersized connection pool?";
		return new Finding(Finding.CHURN, Scores.severity(score), score, endpoint, summary, numbers, null);
	}
}
