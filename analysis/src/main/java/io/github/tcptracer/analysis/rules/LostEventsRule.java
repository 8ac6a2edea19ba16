package io.github.tcptracer.analysis.rules;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.findings.LostEventsDetector;
import io.github.tcptracer.analysis.input.StatisticsTotals;
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

/** Events the tracer lost in the kernel or dropped in user space: the other numbers are lower bounds. */
public final class LostEventsRule extends TcpRule {
	public static final String ID = "TcpTracerLostEvents";

	public static final TypedResult<IQuantity> LOST = new TypedResult<>("tcpLostEvents", "Lost Events",
			"Events the kernel could not deliver: its ring buffer was full, or a skipped program run", UnitLookup.NUMBER, IQuantity.class);
	public static final TypedResult<IQuantity> DROPPED = new TypedResult<>("tcpDroppedEvents", "Dropped Events",
			"Events received but not recorded: a user-space queue was full", UnitLookup.NUMBER, IQuantity.class);

	public LostEventsRule() {
		super(ID, "TCP Tracer Lost Events", List.of(), List.of(TypedResult.SCORE, LOST, DROPPED),
				RequiredEventsBuilder.create().addEventType(TcpEventNames.STATISTICS, EventAvailability.AVAILABLE)
						.build());
	}

	@Override
	protected IResult evaluate(TcpAnalysis analysis, IPreferenceValueProvider vp) {
		StatisticsTotals statistics = analysis.content().statistics();
		List<Finding> findings = LostEventsDetector.detect(analysis);
		if (findings.isEmpty()) {
			return ok(vp, "The tracer lost no events.", "Its statistics events count no lost or dropped events.");
		}
		return found(vp, findings, "The tracer's statistics events count events it could not record.",
				"Give the tracer a larger ring buffer or queue, or trace fewer processes.")
				.addResult(LOST, UnitLookup.NUMBER_UNITY.quantity(statistics.lostEvents()))
				.addResult(DROPPED, UnitLookup.NUMBER_UNITY.quantity(statistics.droppedEvents()))
				.build();
	}
}
