package io.github.tcptracer.analysis.format;

/**
 * How Python writes a character it will not show in {@code repr()} and {@code ascii()}: backslash
 * and t, n or r for those three, else backslash and x, u or U with 2, 4 or 8 hex digits, by size
 * (CPython's {@code unicode_repr}). Shared by argparse's messages and the text report.
 */
public final class PythonEscapes {
	private PythonEscapes() {
	}

	public static void append(StringBuilder text, int c) {
		if (c == '\t') {
			text.append("\\t");
		} else if (c == '\n') {
			text.append("\\n");
		} else if (c == '\r') {
			text.append("\\r");
		} else if (c <= 0xff) {
			text.append(String.format("\\x%02x", c));
		} else if (c <= 0xffff) {
			text.append(String.format("\\u%04x", c));
		} else {
			text.append(String.format("\\U%08x", c));
		}
	}
}
