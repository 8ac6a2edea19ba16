package io.github.tcptracer.analysis.rules;

import io.github.tcptracer.analysis.connections.EndpointStats;
import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.findings.ResetDetector;
import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.model.Finding;
import io.github.tcptracer.jfr.TcpEventNames;
import java.util.List;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.RequiredEventsBuilder;

/** Connections that ended in a reset (ECONNRESET) instead of an orderly close. */
public final class ConnectionResetsRule extends TcpRule {
	public static final String ID = "TcpConnectionResets";

	public static final TypedResult<IQuantity> RESETS = new TypedResult<>("connectionResets", "Resets",
			"Connections that ended in a reset, over all endpoints", UnitLookup.NUMBER, IQuantity.class);
	public static final TypedResult<String> ENDPOINT = new TypedResult<>("connectionResetsEndpoint", "Endpoint",
			"The endpoint with the worst share of resets", UnitLookup.PLAIN_TEXT, String.class);

	public ConnectionResetsRule() {
		super(ID, "TCP Connection Resets", List.of(), List.of(TypedResult.SCORE, RESETS, ENDPOINT),
				RequiredEventsBuilder.create().addEventType(TcpEventNames.CLOSE, EventAvailability.AVAILABLE).build());
	}

	@Override
	protected IResult evaluate(TcpAnalysis analysis, IPreferenceValueProvider vp) {
		long resets = analysis.endpoints().stream().mapToLong(EndpointStats::resets).sum();
		long closes = analysis.endpoints().stream().mapToLong(EndpointStats::closes).sum();
		String explanation = Units.count(resets) + " of " + Units.count(closes) + " closed connections ended in a"
				+ " reset (" + EndpointStats.RESET + ").";
		List<Finding> findings = ResetDetector.detect(analysis);
		if (findings.isEmpty()) {
			return ok(vp, "No connection was reset.", explanation);
		}
		return found(vp, findings, explanation,
				"A reset means one side dropped the connection without an orderly close: a peer that crashed or"
						+ " restarted, an idle timeout in a proxy or firewall, or a pool handing out connections the"
						+ " server already closed. Compare the lifetimes with the idle timeouts on the path.")
				.addResult(RESETS, UnitLookup.NUMBER_UNITY.quantity(resets))
				.addResult(ENDPOINT, worst(findings).endpoint().label())
				.build();
	}
}
