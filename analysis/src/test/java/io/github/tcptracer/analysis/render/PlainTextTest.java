package io.github.tcptracer.analysis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected escapes are Python's ascii() of the same text. */
class PlainTextTest {
	@Test
	void keepsPrintableAscii() {
		assertEquals("java (pid 42): [::1]:80", PlainText.of("java (pid 42): [::1]:80"));
	}

	@Test
	void writesEverythingElseAsPythonsAsciiDoes() {
		assertEquals("a\\nb", PlainText.of("a\nb"));
		assertEquals("\\x1b[31mred", PlainText.of("\u001b[31mred"));
		assertEquals("\\u202eevil", PlainText.of("\u202eevil"));
		assertEquals("x\\ty\\r\\x7f\\xe9", PlainText.of("x\ty\r\u007f\u00e9"));
		assertEquals("\\u4e2d\\U0001f600", PlainText.of("\u4e2d\uD83D\uDE00"));
	}

	/** A name that would break a row, color the terminal or reverse the text stays on its row, aligned. */
	@Test
	void tableRowsStayOneLineEachAndAligned() {
		Table table = new Table(Column.left("Process"), Column.right("Connects"))
				.row("a\nb", "1").row("\u001b[31mred", "22").row("\u202eevil\u4e2d", "333");
		List<String> lines = TextTable.lines(table, "  ", 80);
		assertEquals(4, lines.size(), String.join("\n", lines));
		int width = lines.get(0).length();
		for (String line : lines) {
			assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), line);
			assertEquals(width, line.length(), () -> "aligned: " + lines);
		}
		assertEquals("  \\u202eevil\\u4e2d       333", lines.get(3));
	}
}
