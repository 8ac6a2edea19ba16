package io.github.tcptracer.analysis.render;

import io.github.tcptracer.analysis.format.Abbreviate;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Table} out in plain text within a width: the first column (names, which can be
 * long IPv6 endpoints with a host name) is shortened in the middle when the table would not fit,
 * so that both the address and the port stay visible. Cells are {@link PlainText}.
 */
final class TextTable {
	private static final String GAP = "  ";

	private TextTable() {
	}

	static List<String> lines(Table table, String indent, int width) {
		List<Column> columns = table.columns();
		List<List<String>> rows = table.rows().stream().map(row -> row.stream().map(PlainText::of).toList()).toList();
		int[] widths = new int[columns.size()];
		for (int c = 0; c < widths.length; c++) {
			widths[c] = columns.get(c).header().length();
			for (List<String> row : rows) {
				widths[c] = Math.max(widths[c], row.get(c).length());
			}
		}
		int total = indent.length() + GAP.length() * (widths.length - 1);
		for (int w : widths) {
			total += w;
		}
		if (total > width) {
			widths[0] = Math.max(columns.get(0).header().length(), widths[0] - (total - width));
		}
		List<String> lines = new ArrayList<>();
		lines.add(line(indent, columns, columns.stream().map(Column::header).toList(), widths));
		for (List<String> row : rows) {
			lines.add(line(indent, columns, row, widths));
		}
		return lines;
	}

	private static String line(String indent, List<Column> columns, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder(indent);
		for (int c = 0; c < widths.length; c++) {
			if (c > 0) {
				line.append(GAP);
			}
			String cell = Abbreviate.middle(cells.get(c), widths[c]);
			String pad = " ".repeat(widths[c] - cell.length());
			line.append(columns.get(c).rightAligned() ? pad + cell : cell + pad);
		}
		return line.toString().stripTrailing();
	}
}
