package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected results are what Python 3.11's int() and float() return or refuse (ValueError). */
class PythonNumbersTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"' 42 '    | 42",
			"+7        | 7",
			"-0        | 0",
			"1_000     | 1000",
			"٣         | 3",
			"'\u00a012\u00a0' | 12",
			"99999999999999999999 | 99999999999999999999"})
	void parsesIntAsPython(String text, String value) {
		assertEquals(new BigInteger(value), PythonNumbers.parseInt(text));
	}

	@ParameterizedTest
	@ValueSource(strings = {"1__0", "_1", "1_", "0x10", "1.0", "", "\u001c5\u001c", "1\u00a02", "٣x"})
	void refusesWhatIntRefuses(String text) {
		assertThrows(NumberFormatException.class, () -> PythonNumbers.parseInt(text));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"1e3       | 1000.0",
			".5        | 0.5",
			"5.        | 5.0",
			"1_0.2_5   | 10.25",
			"' 2.5 '   | 2.5",
			"١.٥       | 1.5",
			"inf       | Infinity",
			"-Infinity | -Infinity",
			"NaN       | NaN",
			"+nan      | NaN"})
	void parsesFloatAsPython(String text, double value) {
		assertEquals(value, PythonNumbers.parseFloat(text));
	}

	@ParameterizedTest
	@ValueSource(strings = {"0x1p3", "1d", "1e", ".", "e5", "1_.5", "infinit", "", "Infinityy"})
	void refusesWhatFloatRefuses(String text) {
		assertThrows(NumberFormatException.class, () -> PythonNumbers.parseFloat(text));
	}
}
