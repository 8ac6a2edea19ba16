package io.github.tcptracer.cli;

import io.github.tcptracer.analysis.format.PythonEscapes;

/**
 * Python's {@code repr()} of a string, which argparse puts in its messages ({@code invalid int
 * value: 'abc'}, {@code "a'b"}). Hand-written because no Java library renders Python literals;
 * it follows CPython's {@code unicode_repr}.
 */
final class PythonRepr {
	private PythonRepr() {
	}

	static String of(String text) {
		char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
		StringBuilder repr = new StringBuilder(text.length() + 2).append(quote);
		text.codePoints().forEach(c -> {
			if (c == quote || c == '\\') {
				repr.append('\\').appendCodePoint(c);
			} else if ((c >= ' ' && c < 0x7f) || (c > 0x7f && isPrintable(c))) {
				repr.appendCodePoint(c);
			} else {
				PythonEscapes.append(repr, c);
			}
		});
		return repr.append(quote).toString();
	}

	/** Python's str.isprintable() for one non-ASCII character: not in categories C* and Z*. */
	private static boolean isPrintable(int c) {
		switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
					Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SPACE_SEPARATOR:
				return false;
			default:
				return true;
		}
	}
}
