package io.github.tcptracer.analysis.input;

/**
 * The tracer's own counts, summed over its statistics events: what it saw, and what never made
 * it into the recording.
 *
 * @param lostEvents    events the kernel could not deliver (ring buffer full)
 * @param droppedEvents events received but not recorded (a user-space queue was full)
 */
public record StatisticsTotals(long statisticsEvents, long lostEvents, long droppedEvents) {

	public static final StatisticsTotals NONE = new StatisticsTotals(0, 0, 0);

	public StatisticsTotals plus(StatisticsTotals other) {
		return new StatisticsTotals(statisticsEvents + other.statisticsEvents, lostEvents + other.lostEvents,
				droppedEvents + other.droppedEvents);
	}

	public long missedEvents() {
		return lostEvents + droppedEvents;
	}
}
