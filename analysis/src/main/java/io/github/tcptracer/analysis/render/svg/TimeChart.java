package io.github.tcptracer.analysis.render.svg;

import io.github.tcptracer.analysis.format.Units;
import java.util.List;

/** Counts per time bucket as lines, one per series, with a legend: "connections over time". */
public final class TimeChart {
	private static final int WIDTH = 960;
	private static final int HEIGHT = 260;
	private static final int LEFT = 60;
	private static final int RIGHT = 20;
	private static final int TOP = 30;
	private static final int BOTTOM = 40;

	private TimeChart() {
	}

	public static String render(String id, String label, long startEpochMillis, long bucketMillis,
			List<Series> series) {
		int buckets = series.get(0).values().size();
		long max = Math.max(1, series.stream().mapToLong(Series::max).max().orElse(1));
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double step = buckets > 1 ? plotWidth / (buckets - 1) : 0;
		StringBuilder svg = new StringBuilder(Svg.open(id, label, WIDTH, HEIGHT));
		svg.append(Svg.line(LEFT, TOP, LEFT, TOP + plotHeight, "axis"));
		svg.append(Svg.line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "axis"));
		svg.append(Svg.text(LEFT - 6, TOP + 4, "end", Long.toString(max)));
		svg.append(Svg.text(LEFT - 6, TOP + plotHeight, "end", "0"));
		svg.append(Svg.text(LEFT, HEIGHT - 12, "start", Units.time(startEpochMillis)));
		svg.append(Svg.text(LEFT + plotWidth, HEIGHT - 12, "end",
				Units.time(startEpochMillis + (buckets - 1) * bucketMillis) + " (per "
						+ Units.roundDuration(bucketMillis * 1_000_000L) + ")"));
		List<String> legend = Svg.legend(LEFT, 8, series);
		for (int index = 0; index < series.size(); index++) {
			Series s = series.get(index);
			svg.append(legend.get(index));
			StringBuilder points = new StringBuilder();
			for (int i = 0; i < buckets; i++) {
				double x = LEFT + (buckets > 1 ? i * step : plotWidth / 2);
				double y = TOP + plotHeight - plotHeight * s.values().get(i) / max;
				points.append(Svg.num(x)).append(',').append(Svg.num(y)).append(' ');
			}
			svg.append("<polyline class=\"").append(s.cssClass()).append(" series\" fill=\"none\" points=\"")
					.append(points.toString().trim()).append("\"/>");
		}
		return svg.append(Svg.close()).toString();
	}
}
