package io.github.tcptracer.analysis.findings;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.input.StatisticsTotals;
import io.github.tcptracer.analysis.model.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events the tracer lost in the kernel or dropped in user space. Any loss is a warning: every count
 * in the report becomes a lower bound, and a lost close shows its connection as still open.
 */
public final class LostEventsDetector {
	/** Keys of the finding's numbers. */
	public static final String LOST_EVENTS = "lostEvents";
	public static final String DROPPED_EVENTS = "droppedEvents";
	public static final String RECORDED_EVENTS = "recordedEvents";
	static final double LOSS_SCORE = 75;

	private LostEventsDetector() {
	}

	public static List<Finding> detect(TcpAnalysis analysis) {
		StatisticsTotals statistics = analysis.content().statistics();
		if (statistics.missedEvents() == 0) {
			return List.of();
		}
		Map<String, Number> numbers = new LinkedHashMap<>();
		numbers.put(LOST_EVENTS, statistics.lostEvents());
		numbers.put(DROPPED_EVENTS, statistics.droppedEvents());
		numbers.put(RECORDED_EVENTS, (long) analysis.content().events().size());
		return List.of(new Finding(Finding.LOST_EVENTS, Scores.severity(LOSS_SCORE), LOSS_SCORE, null,
				warning(statistics), numbers, null));
	}

	/** The report's plain warning, or null when nothing was missed. */
	public static String warning(StatisticsTotals statistics) {
		if (statistics.missedEvents() == 0) {
			return null;
		}
		return "The tracer missed " + Units.count(statistics.missedEvents()) + " events ("
				+ Units.count(statistics.lostEvents()) + " lost in the kernel, "
				+ Units.count(statistics.droppedEvents())
				+ " dropped in user space): all counts are lower bounds, and connections may show as open.";
	}
}
