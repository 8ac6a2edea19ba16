package io.github.tcptracer.analysis.report;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.findings.LostEventsDetector;
import io.github.tcptracer.analysis.input.RecordingContent;
import io.github.tcptracer.analysis.input.StatisticsTotals;
import io.github.tcptracer.analysis.input.TcpEvent;
import io.github.tcptracer.analysis.input.TracerTypes;
import io.github.tcptracer.analysis.model.RecordingSection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

final class RecordingSectionBuilder {
	private RecordingSectionBuilder() {
	}

	static RecordingSection build(TcpAnalysis analysis) {
		RecordingContent content = analysis.content();
		List<TcpEvent> events = content.events();
		Map<String, Long> perType = new TreeMap<>(content.eventsPerType());
		TracerTypes.NAMES.forEach(type -> perType.putIfAbsent(type, 0L));
		Long start = toMillis(content.startEpochNanos());
		Long end = toMillis(content.endEpochNanos());
		StatisticsTotals statistics = content.statistics();
		return new RecordingSection(content.files(), start, end, start == null ? null : end - start,
				events.isEmpty() ? null : analysis.tally().firstMillis(),
				events.isEmpty() ? null : analysis.tally().lastMillis(),
				events.size(), perType, statistics.statisticsEvents(), statistics.lostEvents(),
				statistics.droppedEvents(), LostEventsDetector.warning(statistics));
	}

	private static Long toMillis(Long epochNanos) {
		return epochNanos == null ? null : Math.floorDiv(epochNanos, 1_000_000L);
	}
}
