package io.github.tcptracer.cli;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The text Python's {@code int()} and {@code float()} accept, so that {@code -p ' 1_000 '} or
 * {@code -d 1e3} parse as they do in bcc's argparse, and {@code 0x10} is refused as there.
 * Hand-written because Java's parsers take other syntax (hex floats, {@code 1d}, no
 * underscores, no {@code inf}).
 */
final class PythonNumbers {
	private static final String DIGITS = "[0-9](?:_?[0-9])*";
	private static final Pattern INT = Pattern.compile("[+-]?" + DIGITS);
	private static final Pattern FLOAT = Pattern.compile("[+-]?(?:(?:(?:" + DIGITS + ")?\\." + DIGITS + "|"
			+ DIGITS + "\\.?)(?:[eE][+-]?" + DIGITS + ")?|(?i:inf|infinity|nan))");

	private PythonNumbers() {
	}

	/** {@code int(text)}; throws NumberFormatException (Python's ValueError) otherwise. */
	static BigInteger parseInt(String text) {
		String ascii = normalize(text);
		if (!INT.matcher(ascii).matches()) {
			throw new NumberFormatException(text);
		}
		return new BigInteger(ascii.replace("_", ""));
	}

	/** {@code float(text)}; throws NumberFormatException (Python's ValueError) otherwise. */
	static double parseFloat(String text) {
		String ascii = normalize(text);
		if (!FLOAT.matcher(ascii).matches()) {
			throw new NumberFormatException(text);
		}
		String plain = ascii.replace("_", "").toLowerCase(java.util.Locale.ROOT);
		boolean negative = plain.startsWith("-");
		String unsigned = plain.replaceFirst("^[+-]", "");
		if (unsigned.startsWith("inf")) {
			return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
		}
		if (unsigned.equals("nan")) {
			return Double.NaN;
		}
		return Double.parseDouble(plain);
	}

	/** Strips Python's whitespace and turns every Unicode decimal digit into its ASCII one, as Python does. */
	private static String normalize(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isPythonSpace(text.charAt(start))) {
			start++;
		}
		while (end > start && isPythonSpace(text.charAt(end - 1))) {
			end--;
		}
		StringBuilder ascii = new StringBuilder(end - start);
		text.substring(start, end).codePoints().forEach(c -> {
			if (c > 0x7f && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
				ascii.append((char) ('0' + Character.digit(c, 10)));
			} else {
				ascii.appendCodePoint(c);
			}
		});
		return ascii.toString();
	}

	/**
	 * What int() and float() strip: ASCII's six spaces, and beyond ASCII what str.isspace()
	 * calls space (Java's whitespace plus the no-break spaces and NEL).
	 */
	private static boolean isPythonSpace(char c) {
		if (c < 0x80) {
			return " \t\n\u000b\f\r".indexOf(c) >= 0;
		}
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
	}
}
