package io.github.tcptracer.analysis.report;

import io.github.tcptracer.analysis.connections.EventTally;
import io.github.tcptracer.analysis.input.TcpEventKind;
import io.github.tcptracer.analysis.model.Timeline;
import java.util.List;
import java.util.stream.LongStream;

/** Connects and accepts per bucket, with the bucket a round width that gives at most 60 of them. */
final class TimelineBuilder {
	static final int MAX_BUCKETS = 60;
	private static final long[] WIDTHS_MILLIS = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000,
			300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000};

	private TimelineBuilder() {
	}

	static Timeline build(EventTally tally, boolean hasEvents) {
		if (!hasEvents) {
			return new Timeline(0, WIDTHS_MILLIS[0], List.of(), List.of());
		}
		long width = bucketWidth(tally.firstMillis(), tally.lastMillis());
		long start = Math.floorDiv(tally.firstMillis(), width) * width;
		int buckets = (int) ((tally.lastMillis() - start) / width) + 1;
		return new Timeline(start, width, counts(tally.openMillis(TcpEventKind.CONNECT), start, width, buckets),
				counts(tally.openMillis(TcpEventKind.ACCEPT), start, width, buckets));
	}

	private static List<Long> counts(long[] millis, long start, long width, int buckets) {
		long[] counts = new long[buckets];
		for (long time : millis) {
			counts[(int) ((time - start) / width)]++;
		}
		return LongStream.of(counts).boxed().toList();
	}

	private static long bucketWidth(long first, long last) {
		for (long width : WIDTHS_MILLIS) {
			long start = Math.floorDiv(first, width) * width;
			if ((last - start) / width < MAX_BUCKETS) {
				return width;
			}
		}
		// Longer than 60 days: whole days, as many as it takes (one bucket spare for the rounding).
		long day = WIDTHS_MILLIS[WIDTHS_MILLIS.length - 1];
		return day * ((last - first) / day / (MAX_BUCKETS - 1) + 1);
	}
}
