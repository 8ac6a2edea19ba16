package io.github.tcptracer.analysis.rules;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.findings.FailedConnectDetector;
import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.input.TcpEventKind;
import io.github.tcptracer.analysis.model.Finding;
import java.util.List;
import java.util.Map;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

/**
 * Connects that were refused, timed out or aborted. It requires no event type: a recording where
 * every connect failed has no connect events, and is exactly the one to report on.
 */
public final class FailedConnectsRule extends TcpRule {
	public static final String ID = "TcpFailedConnects";

	public static final TypedResult<IQuantity> FAILED = new TypedResult<>("failedConnects", "Failed Connects",
			"Connects that failed, over all endpoints", UnitLookup.NUMBER, IQuantity.class);
	public static final TypedResult<String> ENDPOINT = new TypedResult<>("failedConnectsEndpoint", "Endpoint",
			"The endpoint with the worst share of failed connects", UnitLookup.PLAIN_TEXT, String.class);

	public FailedConnectsRule() {
		super(ID, "TCP Failed Connects", List.of(), List.of(TypedResult.SCORE, FAILED, ENDPOINT), Map.of());
	}

	@Override
	protected IResult evaluate(TcpAnalysis analysis, IPreferenceValueProvider vp) {
		long failed = analysis.count(TcpEventKind.CONNECT_FAILED);
		long attempts = failed + analysis.count(TcpEventKind.CONNECT);
		String explanation = Units.count(failed) + " of " + Units.count(attempts) + " connects failed.";
		List<Finding> findings = FailedConnectDetector.detect(analysis);
		if (findings.isEmpty()) {
			return ok(vp, "No connect failed.", explanation);
		}
		return found(vp, findings, explanation,
				"ECONNREFUSED: nothing listens on the port, or a firewall rejects; ETIMEDOUT: the peer or the"
						+ " path does not answer. Check the endpoint's address and the service behind it.")
				.addResult(FAILED, UnitLookup.NUMBER_UNITY.quantity(failed))
				.addResult(ENDPOINT, worst(findings).endpoint().label())
				.build();
	}
}
