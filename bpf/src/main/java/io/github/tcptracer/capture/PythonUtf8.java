package io.github.tcptracer.capture;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoded as Python's {@code bytes.decode('utf-8', 'replace')} decodes it (bcc's comm
 * column): each invalid sequence becomes one U+FFFD per maximal subpart, Unicode's recommended
 * practice, which Java's decoder follows too except for an encoded surrogate (ED A0..BF xx).
 * Java takes those three bytes as one malformed sequence and writes one U+FFFD; Python takes ED
 * alone (after ED only 80..9F may follow) and then each stray continuation byte: three.
 */
final class PythonUtf8 {
	private PythonUtf8() {
	}

	static String decode(byte[] bytes, int length) {
		StringBuilder text = null;
		int start = 0;
		for (int i = 0; i + 1 < length; i++) {
			if (bytes[i] == (byte) 0xED && (bytes[i + 1] & 0xE0) == 0xA0) {
				if (text == null) {
					text = new StringBuilder(length);
				}
				// Java's decoder replaces the continuation bytes after it one by one, as Python does.
				text.append(new String(bytes, start, i - start, StandardCharsets.UTF_8)).append('\uFFFD');
				start = i + 1;
			}
		}
		if (text == null) {
			return new String(bytes, 0, length, StandardCharsets.UTF_8);
		}
		return text.append(new String(bytes, start, length - start, StandardCharsets.UTF_8)).toString();
	}
}
