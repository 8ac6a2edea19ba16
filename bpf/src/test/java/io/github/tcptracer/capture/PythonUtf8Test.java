package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are Python 3.11's {@code bytes.fromhex(HEX).decode('utf-8', 'replace')}. */
class PythonUtf8Test {
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"6a617661|java",
			"e282ac41|€A",
			// an encoded surrogate: Java's own decoder makes one U+FFFD of the three bytes
			"eda080414243|\uFFFD\uFFFD\uFFFDABC",
			"edbfbf|\uFFFD\uFFFD\uFFFD",
			"e2eda080|\uFFFD\uFFFD\uFFFD\uFFFD",
			"eda0|\uFFFD\uFFFD",
			"41ed|A\uFFFD",
			// the last code point before the surrogates is valid
			"ed9fbf|\uD7FF",
			"ff41c0|\uFFFDA\uFFFD",
			"f0908d|\uFFFD",
	})
	void decodesAsPythonReplaces(String hex, String expected) {
		byte[] bytes = HexFormat.of().parseHex(hex);
		assertEquals(expected, PythonUtf8.decode(bytes, bytes.length), hex);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"eda080414243|3|\uFFFD\uFFFD\uFFFD", "41eda0|2|A\uFFFD"})
	void decodesOnlyTheLengthGiven(String hex, int length, String expected) {
		assertEquals(expected, PythonUtf8.decode(HexFormat.of().parseHex(hex), length));
	}
}
