package io.github.tcptracer.analysis.render;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.owasp.encoder.Encode;

/** HTML elements with every piece of text escaped by the OWASP encoder. */
final class HtmlWriter {
	private final Writer out;

	HtmlWriter(Writer out) {
		this.out = out;
	}

	/** Markup the caller built (and escaped) itself. */
	void raw(String html) throws IOException {
		out.write(html);
		out.write('\n');
	}

	void element(String tag, String text) throws IOException {
		raw("<" + tag + ">" + Encode.forHtml(text) + "</" + tag + ">");
	}

	void element(String tag, String cssClass, String text) throws IOException {
		raw("<" + tag + " class=\"" + Encode.forHtmlAttribute(cssClass) + "\">" + Encode.forHtml(text) + "</" + tag
				+ ">");
	}

	void openSection(String id, String heading) throws IOException {
		raw("<section id=\"" + Encode.forHtmlAttribute(id) + "\">");
		element("h2", heading);
	}

	void closeSection() throws IOException {
		raw("</section>");
	}

	void fields(List<String[]> labelValuePairs) throws IOException {
		raw("<dl>");
		for (String[] pair : labelValuePairs) {
			raw("<dt>" + Encode.forHtml(pair[0]) + "</dt><dd>" + Encode.forHtml(pair[1]) + "</dd>");
		}
		raw("</dl>");
	}

	void table(String caption, Table table) throws IOException {
		if (table.isEmpty()) {
			return;
		}
		element("h3", caption);
		StringBuilder html = new StringBuilder("<table><thead><tr>");
		for (Column column : table.columns()) {
			html.append(column.rightAligned() ? "<th class=\"num\">" : "<th>").append(Encode.forHtml(column.header()))
					.append("</th>");
		}
		html.append("</tr></thead><tbody>");
		for (List<String> row : table.rows()) {
			html.append("<tr>");
			for (int c = 0; c < row.size(); c++) {
				html.append(table.columns().get(c).rightAligned() ? "<td class=\"num\">" : "<td>")
						.append(Encode.forHtml(row.get(c))).append("</td>");
			}
			html.append("</tr>");
		}
		raw(html.append("</tbody></table>").toString());
	}
}
