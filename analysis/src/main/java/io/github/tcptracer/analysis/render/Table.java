package io.github.tcptracer.analysis.render;

import java.util.ArrayList;
import java.util.List;

/** A table's content, formatted once and laid out by both the text and the HTML renderer. */
final class Table {
	private final List<Column> columns;
	private final List<List<String>> rows = new ArrayList<>();

	Table(Column... columns) {
		this.columns = List.of(columns);
	}

	Table row(String... cells) {
		if (cells.length != columns.size()) {
			throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
		}
		rows.add(List.of(cells));
		return this;
	}

	List<Column> columns() {
		return columns;
	}

	List<List<String>> rows() {
		return rows;
	}

	boolean isEmpty() {
		return rows.isEmpty();
	}
}
