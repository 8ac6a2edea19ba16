package io.github.tcptracer.analysis.report;

import io.github.tcptracer.analysis.connections.EventTally;
import io.github.tcptracer.analysis.input.TcpEventKind;
import io.github.tcptracer.analysis.model.Rate;
import java.util.Arrays;

/** Average and peak rate of connects or accepts, on the kernel's wall clock. */
final class RateCalculator {
	private static final long MILLIS_PER_SECOND = 1000;

	private RateCalculator() {
	}

	static Rate of(EventTally tally, TcpEventKind kind) {
		long[] seconds = tally.openMillis(kind);
		if (seconds.length == 0) {
			return new Rate(0, 0, null);
		}
		for (int i = 0; i < seconds.length; i++) {
			seconds[i] = Math.floorDiv(seconds[i], MILLIS_PER_SECOND);
		}
		// Sorted, equal seconds are runs; the longest run is the busiest second (the earliest of equals).
		Arrays.sort(seconds);
		long peakSecond = seconds[0];
		long peakCount = 0;
		int runStart = 0;
		for (int i = 1; i <= seconds.length; i++) {
			if (i == seconds.length || seconds[i] != seconds[runStart]) {
				if (i - runStart > peakCount) {
					peakCount = i - runStart;
					peakSecond = seconds[runStart];
				}
				runStart = i;
			}
		}
		double span = Math.max(1.0, (tally.lastMillis() - tally.firstMillis()) / (double) MILLIS_PER_SECOND);
		return new Rate(seconds.length / span, peakCount, peakSecond * MILLIS_PER_SECOND);
	}
}
