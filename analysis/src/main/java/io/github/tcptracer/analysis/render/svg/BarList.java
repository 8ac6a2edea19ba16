package io.github.tcptracer.analysis.render.svg;

import io.github.tcptracer.analysis.format.Abbreviate;
import io.github.tcptracer.analysis.format.Units;
import java.util.List;

/** Horizontal bars, one per labelled row in the order given, the series stacked: the top endpoints. */
public final class BarList {
	private static final int WIDTH = 960;
	private static final int ROW = 24;
	private static final int LEGEND = 24;
	private static final int LABEL_WIDTH = 360;
	private static final int VALUE_WIDTH = 90;
	private static final int LABEL_CHARS = 52;

	private BarList() {
	}

	public static String render(String id, String label, List<String> labels, List<Series> series) {
		long max = 1;
		for (int row = 0; row < labels.size(); row++) {
			max = Math.max(max, total(series, row));
		}
		double barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
		StringBuilder svg = new StringBuilder(Svg.open(id, label, WIDTH, LEGEND + ROW * labels.size() + 8));
		Svg.legend(LABEL_WIDTH, 4, series).forEach(svg::append);
		for (int row = 0; row < labels.size(); row++) {
			double y = LEGEND + 4 + row * ROW;
			svg.append(Svg.text(LABEL_WIDTH - 8, y + 15, "end", Abbreviate.middle(labels.get(row), LABEL_CHARS)));
			double x = LABEL_WIDTH;
			for (Series s : series) {
				long value = s.values().get(row);
				if (value > 0) {
					double width = Math.max(1, barSpace * value / max);
					svg.append(Svg.rect(x, y + 3, width, ROW - 6, s.cssClass(),
							labels.get(row) + ": " + Units.count(value) + " " + s.name()));
					x += width;
				}
			}
			svg.append(Svg.text(x + 6, y + 15, "start", Units.count(total(series, row))));
		}
		return svg.append(Svg.close()).toString();
	}

	private static long total(List<Series> series, int row) {
		return series.stream().mapToLong(s -> s.values().get(row)).sum();
	}
}
