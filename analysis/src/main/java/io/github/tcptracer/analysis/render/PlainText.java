package io.github.tcptracer.analysis.render;

import io.github.tcptracer.analysis.format.PythonEscapes;

/**
 * Names from a recording (a process's comm, a thread's name, a host name) made safe for the text
 * report: printable ASCII stays, anything else is written as Python's {@code ascii()} writes it (a
 * newline as backslash-n, ESC as backslash-x1b, a right-to-left override as backslash-u202e). A
 * terminal then shows exactly what the recording holds: no escape sequence or right-to-left
 * override acts on it, no newline breaks a table's row, and a character is one column, so tables
 * stay aligned. The JSON and HTML reports keep the names as they are (their formats escape what
 * they must).
 */
final class PlainText {
	private PlainText() {
	}

	static String of(String text) {
		if (isPlain(text)) {
			return text;
		}
		StringBuilder plain = new StringBuilder(text.length() + 16);
		text.codePoints().forEach(c -> {
			if (c >= 0x20 && c < 0x7f) {
				plain.append((char) c);
			} else {
				PythonEscapes.append(plain, c);
			}
		});
		return plain.toString();
	}

	private static boolean isPlain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c >= 0x7f) {
				return false;
			}
		}
		return true;
	}
}
