package io.github.tcptracer.analysis.rules;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.findings.ChurnDetector;
import io.github.tcptracer.analysis.findings.ChurnThresholds;
import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.model.Finding;
import io.github.tcptracer.jfr.TcpEventNames;
import java.util.List;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.RequiredEventsBuilder;

/** Many short-lived connections to one endpoint: a missing or undersized connection pool. */
public final class ConnectionChurnRule extends TcpRule {
	public static final String ID = "TcpConnectionChurn";

	public static final TypedPreference<IQuantity> MIN_CONNECTIONS = new TypedPreference<>(
			"tcptracer.churn.minConnections", "Minimum connections",
			"Connections opened to one endpoint during the recording before churn is considered",
			UnitLookup.NUMBER, UnitLookup.NUMBER_UNITY.quantity(ChurnThresholds.DEFAULT.minConnections()));
	public static final TypedPreference<IQuantity> MAX_MEDIAN_LIFETIME = new TypedPreference<>(
			"tcptracer.churn.maxMedianLifetime", "Maximum median lifetime",
			"Churn when the median lifetime of an endpoint's connections is below this", UnitLookup.TIMESPAN,
			UnitLookup.NANOSECOND.quantity(ChurnThresholds.DEFAULT.maxMedianLifetimeNanos()));
	public static final TypedPreference<IQuantity> MIN_RATE = new TypedPreference<>("tcptracer.churn.minRate",
			"Minimum connection rate",
			"Churn when connections to an endpoint open at least this often (from its first to its last connect,"
					+ " at least one second)",
			UnitLookup.FREQUENCY, UnitLookup.HERTZ.quantity(ChurnThresholds.DEFAULT.minConnectionsPerSecond()));

	public static final TypedResult<String> ENDPOINT = new TypedResult<>("churnEndpoint", "Endpoint",
			"The endpoint with the worst churn", UnitLookup.PLAIN_TEXT, String.class);
	public static final TypedResult<IQuantity> CONNECTIONS = new TypedResult<>("churnConnections", "Connections",
			"Connections opened to that endpoint", UnitLookup.NUMBER, IQuantity.class);
	public static final TypedResult<IQuantity> RATE = new TypedResult<>("churnRate", "Connection Rate",
			"Connections opened to that endpoint per second", UnitLookup.FREQUENCY, IQuantity.class);
	public static final TypedResult<IQuantity> MEDIAN_LIFETIME = new TypedResult<>("churnMedianLifetime",
			"Median Lifetime", "Median lifetime of that endpoint's connections", UnitLookup.TIMESPAN, IQuantity.class);

	public ConnectionChurnRule() {
		super(ID, "TCP Connection Churn", List.of(MIN_CONNECTIONS, MAX_MEDIAN_LIFETIME, MIN_RATE),
				List.of(TypedResult.SCORE, ENDPOINT, CONNECTIONS, RATE, MEDIAN_LIFETIME),
				RequiredEventsBuilder.create().addEventType(TcpEventNames.CONNECT, EventAvailability.AVAILABLE)
						.build());
	}

	@Override
	protected IResult evaluate(TcpAnalysis analysis, IPreferenceValueProvider vp) {
		ChurnThresholds thresholds = new ChurnThresholds(vp.getPreferenceValue(MIN_CONNECTIONS).longValue(),
				vp.getPreferenceValue(MAX_MEDIAN_LIFETIME).clampedLongValueIn(UnitLookup.NANOSECOND),
				vp.getPreferenceValue(MIN_RATE).doubleValueIn(UnitLookup.HERTZ));
		String definition = "Churn: at least " + thresholds.minConnections() + " connections to one endpoint, at "
				+ Units.rate(thresholds.minConnectionsPerSecond()) + " or more, living less than "
				+ Units.duration(thresholds.maxMedianLifetimeNanos()) + " at the median.";
		List<Finding> findings = ChurnDetector.detect(analysis, thresholds);
		if (findings.isEmpty()) {
			return ok(vp, "No endpoint shows connection churn.", definition);
		}
		Finding worst = worst(findings);
		return found(vp, findings, definition,
				"Reuse connections: use a connection pool (HTTP keep-alive, a JDBC pool), or make the pool larger"
						+ " if it exists and connections are still opened per request.")
				.addResult(ENDPOINT, worst.endpoint().label())
				.addResult(CONNECTIONS, UnitLookup.NUMBER_UNITY.quantity(worst.numbers().get(ChurnDetector.CONNECTIONS)))
				.addResult(RATE, UnitLookup.HERTZ.quantity(worst.numbers().get(ChurnDetector.CONNECTIONS_PER_SECOND)))
				.addResult(MEDIAN_LIFETIME,
						UnitLookup.NANOSECOND.quantity(worst.numbers().get(ChurnDetector.MEDIAN_LIFETIME_NANOS)))
				.build();
	}
}
