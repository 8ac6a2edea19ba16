package io.github.tcptracer.analysis.rules;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.model.Finding;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.AbstractRule;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;

/**
 * A JMC rule that shows one kind of the report's findings: the same analysis, the same numbers,
 * the same scores. Results of these rules are grouped under JMC's Socket I/O topic.
 */
abstract class TcpRule extends AbstractRule {
	/** JMC's topic for socket I/O ({@code JfrRuleTopics.SOCKET_IO} in flightrecorder.rules.jdk). */
	static final String TOPIC = "socket_io";
	/** How many findings a result's explanation lists. */
	private static final int LISTED = 10;

	TcpRule(String id, String name, Collection<TypedPreference<?>> preferences, Collection<TypedResult<?>> results,
			Map<String, EventAvailability> requiredEvents) {
		super(id, name, TOPIC, preferences, results, requiredEvents);
	}

	@Override
	protected final IResult getResult(IItemCollection items, IPreferenceValueProvider vp, IResultValueProvider rp) {
		TcpAnalysis analysis = AnalysisCache.of(items);
		if (analysis.content().events().isEmpty() && analysis.content().statistics().statisticsEvents() == 0) {
			return RulesToolkit.getNotApplicableResult(this, vp, "The recording has no tcptracer events.");
		}
		return evaluate(analysis, vp);
	}

	protected abstract IResult evaluate(TcpAnalysis analysis, IPreferenceValueProvider vp);

	/** The finding with the highest score; the first of equals. */
	static Finding worst(List<Finding> findings) {
		Finding worst = findings.get(0);
		for (Finding finding : findings) {
			if (finding.score() > worst.score()) {
				worst = finding;
			}
		}
		return worst;
	}

	/** An OK result: nothing found. */
	protected IResult ok(IPreferenceValueProvider vp, String summary, String explanation) {
		return ResultBuilder.createFor(this, vp).setSeverity(Severity.OK).setSummary(summary)
				.setExplanation(explanation).addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(0))
				.build();
	}

	/**
	 * A result for the findings, in the detector's order: its severity and summary come from the
	 * highest-scored one (the first of equals), and the explanation lists the first ten.
	 */
	protected ResultBuilder found(IPreferenceValueProvider vp, List<Finding> findings, String explanation,
			String solution) {
		Finding worst = worst(findings);
		String more = findings.size() > 1 ? " (and " + (findings.size() - 1) + " more)" : "";
		String listed = findings.stream().limit(LISTED).map(f -> "- " + f.summary())
				.collect(Collectors.joining("\n"));
		return ResultBuilder.createFor(this, vp).setSeverity(Severity.get(worst.score()))
				.setSummary(worst.summary() + more)
				.setExplanation(explanation + "\n" + listed)
				.setSolution(solution)
				.addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(worst.score()));
	}
}
