package io.github.tcptracer.analysis.render;

import java.io.IOException;
import java.io.Writer;

/** Lines for an 80-column terminal: headings, label-value pairs, wrapped prose and tables. */
final class TextWriter {
	static final int WIDTH = 80;
	static final String INDENT = "  ";
	private static final int LABEL_WIDTH = 14;

	private final Writer out;

	TextWriter(Writer out) {
		this.out = out;
	}

	void heading(String title) throws IOException {
		line("");
		line(title);
		line("-".repeat(Math.min(WIDTH, title.length())));
	}

	void field(String label, String value) throws IOException {
		wrap(INDENT + pad(label), value);
	}

	/**
	 * Prose that wraps at word boundaries; continuation lines are indented like the first line's
	 * text. Names in it (file names, endpoints) are made {@link PlainText} first.
	 */
	void wrap(String firstPrefix, String text) throws IOException {
		text = PlainText.of(text);
		String continuation = " ".repeat(firstPrefix.length());
		StringBuilder current = new StringBuilder(firstPrefix);
		boolean empty = true;
		for (String word : text.split(" ")) {
			if (!empty && current.length() + 1 + word.length() > WIDTH) {
				line(current.toString());
				current = new StringBuilder(continuation);
				empty = true;
			}
			if (!empty) {
				current.append(' ');
			}
			current.append(word);
			empty = false;
		}
		line(current.toString());
	}

	void table(Table table) throws IOException {
		if (table.isEmpty()) {
			return;
		}
		for (String line : TextTable.lines(table, INDENT, WIDTH)) {
			line(line);
		}
	}

	/** A table after a blank line, or nothing when it has no rows. */
	void tableAfterGap(Table table) throws IOException {
		if (!table.isEmpty()) {
			line("");
			table(table);
		}
	}

	void line(String text) throws IOException {
		out.write(PlainText.of(text)); // what wrap() and tables did not see
		out.write(System.lineSeparator());
	}

	private static String pad(String label) {
		return label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length()));
	}
}
