package io.github.tcptracer.analysis.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the analysis reads from one or more recordings.
 *
 * @param files           the files, as named by the user
 * @param startEpochNanos start of the recording (its first chunk), or null when unknown
 * @param endEpochNanos   end of the recording (its last chunk), or null when unknown
 * @param eventsPerType   number of events per JFR type name, over all types in the files
 * @param events          connection events sorted by kernel time
 */
public record RecordingContent(List<String> files, Long startEpochNanos, Long endEpochNanos,
		Map<String, Long> eventsPerType, List<TcpEvent> events, StatisticsTotals statistics, HostNames hostNames) {

	static RecordingContent merge(List<String> files, Long startEpochNanos, Long endEpochNanos,
			Map<String, Long> eventsPerType, Collection<CaptureBuffer> buffers) {
		List<TcpEvent> events = new ArrayList<>(buffers.stream().mapToInt(b -> b.events.size()).sum());
		Map<String, String> hosts = new HashMap<>();
		StatisticsTotals statistics = StatisticsTotals.NONE;
		for (CaptureBuffer buffer : buffers) {
			events.addAll(buffer.events);
			buffer.hostsByAddress.forEach(hosts::putIfAbsent);
			statistics = statistics.plus(buffer.statistics);
		}
		// Each buffer (one event type of one chunk) is close to time order already: TimSort merges
		// such runs in little more than a pass.
		events.sort(Comparator.comparingLong(TcpEvent::kernelNanos));
		return new RecordingContent(List.copyOf(files), startEpochNanos, endEpochNanos,
				new TreeMap<>(eventsPerType), events, statistics, HostNames.of(hosts));
	}
}
