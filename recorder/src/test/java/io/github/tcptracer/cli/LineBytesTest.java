package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers and texts written as bytes match Python's %-Nd and %-Ns. */
class LineBytesTest {

	private static String number(long value, int width) {
		return new LineBytes(4).number(value, width).toString();
	}

	@Test
	void numbersMatchPythonsLeftAlignedFormat() {
		long[] values = {0, 7, 10, 99, 100, 101, 65535, 999_999, 1_000_000, Integer.MAX_VALUE,
				Integer.MAX_VALUE + 1L, 4_026_531_840L, Long.MAX_VALUE, -1, -120, Long.MIN_VALUE};
		for (long value : values) {
			assertEquals(String.format("%-6d", value), number(value, 6), "value " + value);
			assertEquals(Long.toString(value), number(value, 0));
		}
	}

	@Test
	void textsArePaddedByCodePoints() {
		LineBytes line = new LineBytes(4);
		line.text("caf\u00e9", 6).append('|').text("a-much-longer-name", 4).append('|');
		assertEquals("caf\u00e9  |a-much-longer-name|", line.toString());
	}
}
