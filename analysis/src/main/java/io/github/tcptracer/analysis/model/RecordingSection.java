package io.github.tcptracer.analysis.model;

import java.util.List;
import java.util.Map;

/**
 * What was read, and what the tracer says it missed.
 *
 * @param eventsPerType    every event type in the files with its count; ours always, even at 0
 * @param connectionEvents connect, accept, close and failed-connect events
 * @param warning          one plain sentence when events were lost or dropped, else null
 */
public record RecordingSection(List<String> files, Long startEpochMillis, Long endEpochMillis,
		Long durationMillis, Long firstEventEpochMillis, Long lastEventEpochMillis, long connectionEvents,
		Map<String, Long> eventsPerType, long statisticsEvents, long lostEvents, long droppedEvents,
		String warning) {
}
