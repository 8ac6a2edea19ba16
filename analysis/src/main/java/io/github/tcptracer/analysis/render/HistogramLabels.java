package io.github.tcptracer.analysis.render;

import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.model.HistogramBin;
import java.util.List;

/** "under 1 ms" for a bounded bin, "1 h or more" for the last one. */
final class HistogramLabels {
	private HistogramLabels() {
	}

	static String of(List<HistogramBin> bins, int index) {
		Long bound = bins.get(index).upperBoundNanos();
		if (bound != null) {
			return "under " + Units.roundDuration(bound);
		}
		Long previous = index > 0 ? bins.get(index - 1).upperBoundNanos() : null;
		return previous == null ? "all" : Units.roundDuration(previous) + " or more";
	}
}
