package io.github.tcptracer.analysis.render.svg;

import io.github.tcptracer.analysis.format.Units;
import java.util.List;

/** Vertical bars with a label under each: the lifetime histogram. */
public final class ColumnChart {
	private static final int WIDTH = 960;
	private static final int HEIGHT = 240;
	private static final int LEFT = 60;
	private static final int TOP = 20;
	private static final int BOTTOM = 40;
	private static final double GAP = 0.2;

	private ColumnChart() {
	}

	public static String render(String id, String label, List<String> labels, List<Long> values, String cssClass) {
		long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
		double plotWidth = WIDTH - LEFT - 20;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double slot = plotWidth / values.size();
		StringBuilder svg = new StringBuilder(Svg.open(id, label, WIDTH, HEIGHT));
		svg.append(Svg.line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "axis"));
		svg.append(Svg.text(LEFT - 6, TOP + 4, "end", Long.toString(max)));
		for (int i = 0; i < values.size(); i++) {
			double height = plotHeight * values.get(i) / max;
			double x = LEFT + i * slot + slot * GAP / 2;
			svg.append(Svg.rect(x, TOP + plotHeight - height, slot * (1 - GAP), height, cssClass,
					labels.get(i) + ": " + Units.count(values.get(i))));
			svg.append(Svg.text(x + slot * (1 - GAP) / 2, HEIGHT - 22, "middle", labels.get(i)));
			if (values.get(i) > 0) {
				svg.append(Svg.text(x + slot * (1 - GAP) / 2, TOP + plotHeight - height - 4, "middle",
						Units.count(values.get(i))));
			}
		}
		return svg.append(Svg.close()).toString();
	}
}
