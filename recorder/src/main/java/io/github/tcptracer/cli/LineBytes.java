package io.github.tcptracer.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text lines built as UTF-8 bytes in place. The trace prints hundreds of thousands of lines a
 * second: building them as chars and encoding them afterwards took as long as everything else
 * the consumer does, so numbers and cached texts are written straight as bytes.
 */
final class LineBytes {
	private static final int TEXT_SLOTS = 256; // power of two
	private byte[] bytes;
	private int length;
	private final byte[] digits = new byte[20];
	// Direct-mapped by String hash and compared by identity: the decoder hands out the same
	// String for a repeated command or address, so a hit costs no encoding.
	private final String[] texts = new String[TEXT_SLOTS];
	private final byte[][] encoded = new byte[TEXT_SLOTS][];
	private final int[] codePoints = new int[TEXT_SLOTS];

	LineBytes(int capacity) {
		bytes = new byte[capacity];
	}

	int length() {
		return length;
	}

	byte[] bytes() {
		return bytes;
	}

	void clear() {
		length = 0;
	}

	@Override
	public String toString() {
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}

	private void ensure(int more) {
		if (length + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
		}
	}

	LineBytes append(byte[] utf8) {
		ensure(utf8.length);
		System.arraycopy(utf8, 0, bytes, length, utf8.length);
		length += utf8.length;
		return this;
	}

	LineBytes append(char ascii) {
		ensure(1);
		bytes[length++] = (byte) ascii;
		return this;
	}

	/** Python's {@code %-Nd}: the number, then spaces up to {@code width} bytes. */
	LineBytes number(long number, int width) {
		int start = length;
		if (number >= 0 && number <= Integer.MAX_VALUE) {
			// Ports, pids and the like: two digits per int division, written in place.
			int value = (int) number;
			int end = length + digitCount(value);
			ensure(Math.max(end - length, width));
			int at = end;
			while (value >= 100) {
				int quotient = value / 100;
				int pair = value - quotient * 100;
				bytes[--at] = (byte) ('0' + pair % 10);
				bytes[--at] = (byte) ('0' + pair / 10);
				value = quotient;
			}
			if (value >= 10) {
				bytes[--at] = (byte) ('0' + value % 10);
				value /= 10;
			}
			bytes[--at] = (byte) ('0' + value);
			length = end;
			return spaces(start, width);
		}
		long rest = number;
		if (rest < 0) {
			append('-');
		}
		int count = 0;
		do {
			digits[count++] = (byte) ('0' + Math.abs(rest % 10));
			rest /= 10;
		} while (rest != 0);
		ensure(count);
		while (count > 0) {
			bytes[length++] = digits[--count];
		}
		return spaces(start, width);
	}

	private static int digitCount(int value) {
		int count = 1;
		for (int bound = 10; count < 10 && value >= bound; bound *= 10) {
			count++;
		}
		return count;
	}

	/** Python's {@code %-Ns}: the text (UTF-8), then spaces up to {@code width} code points. */
	LineBytes text(String text, int width) {
		int slot = text.hashCode() & (TEXT_SLOTS - 1);
		if (texts[slot] != text) {
			texts[slot] = text;
			encoded[slot] = text.getBytes(StandardCharsets.UTF_8);
			codePoints[slot] = text.codePointCount(0, text.length());
		}
		return append(encoded[slot]).pad(width - codePoints[slot]);
	}

	/** Spaces after what was appended since {@code start} (ASCII) up to {@code width} bytes. */
	LineBytes spaces(int start, int width) {
		return pad(width - (length - start));
	}

	private LineBytes pad(int missing) {
		if (missing > 0) {
			ensure(missing);
			Arrays.fill(bytes, length, length + missing, (byte) ' ');
			length += missing;
		}
		return this;
	}
}
