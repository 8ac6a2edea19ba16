package io.github.tcptracer.analysis.render.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * Bits of inline SVG. Charts are drawn when the report is written, so the HTML needs no script
 * and no library; every piece of text goes through the OWASP encoder.
 */
final class Svg {
	static final String FONT = "font-family=\"sans-serif\" font-size=\"12\"";

	private Svg() {
	}

	static String open(String id, String label, int width, int height) {
		return "<svg id=\"" + Encode.forXmlAttribute(id) + "\" class=\"chart\" role=\"img\" aria-label=\""
				+ Encode.forXmlAttribute(label) + "\" viewBox=\"0 0 " + width + " " + height
				+ "\" xmlns=\"http://www.w3.org/2000/svg\">";
	}

	static String close() {
		return "</svg>";
	}

	static String text(double x, double y, String anchor, String text) {
		return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" " + FONT + ">"
				+ Encode.forXml(text) + "</text>";
	}

	static String line(double x1, double y1, double x2, double y2, String cssClass) {
		return "<line class=\"" + cssClass + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2)
				+ "\" y2=\"" + num(y2) + "\"/>";
	}

	/** A bar with a tooltip (the browser shows the title on hover). */
	static String rect(double x, double y, double width, double height, String cssClass, String tooltip) {
		return "<rect class=\"" + cssClass + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(width)
				+ "\" height=\"" + num(height) + "\"><title>" + Encode.forXml(tooltip) + "</title></rect>";
	}

	/**
	 * The legend entries, one per series in order: a swatch at (x, top) and the series' name, each
	 * entry after the previous one. Returned separately so a chart can interleave them with its drawing.
	 */
	static List<String> legend(double x, double top, List<Series> series) {
		List<String> entries = new ArrayList<>(series.size());
		double legendX = x;
		for (Series s : series) {
			entries.add(rect(legendX, top, 12, 12, s.cssClass(), s.name())
					+ text(legendX + 16, top + 10, "start", s.name()));
			legendX += 24 + 8 * s.name().length();
		}
		return entries;
	}

	static String num(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}
}
