package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected texts are what Python 3.11's repr() prints. */
class PythonReprTest {

	@Test
	void quotesAsPython() {
		assertEquals("'abc'", PythonRepr.of("abc"));
		assertEquals("\"a'b\"", PythonRepr.of("a'b"));
		assertEquals("'a\\'b\"c'", PythonRepr.of("a'b\"c"));
		assertEquals("'back\\\\slash'", PythonRepr.of("back\\slash"));
		assertEquals("''", PythonRepr.of(""));
	}

	@Test
	void escapesWhatIsNotPrintable() {
		assertEquals("'a\\tb\\n\\r'", PythonRepr.of("a\tb\n\r"));
		assertEquals("'\\x01\\x7f'", PythonRepr.of("\u0001\u007f"));
		assertEquals("'\\xa0'", PythonRepr.of("\u00a0"));
		assertEquals("'\\x85'", PythonRepr.of("\u0085"));
		assertEquals("'\\u200b'", PythonRepr.of("\u200b"));
		assertEquals("'\\u2028'", PythonRepr.of("\u2028"));
		assertEquals("'\\ue000'", PythonRepr.of("\ue000"));
		assertEquals("'\\U0010ffff'", PythonRepr.of(new String(Character.toChars(0x10ffff))));
	}

	@Test
	void keepsPrintableNonAscii() {
		assertEquals("'é'", PythonRepr.of("é"));
		assertEquals("'🐍'", PythonRepr.of("🐍"));
	}
}
