package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.bench.BenchSettings;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bench's arguments, and their errors: argparse-style, exit 2, no stack trace. */
class BenchCommandTest {

	@Test
	void argumentsMakeTheSettings() throws ArgparseExit {
		PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
		assertEquals(new BenchSettings(5, 3.0, 0, true), BenchCommand.settings(new String[0], quiet, quiet));
		assertEquals(new BenchSettings(7, 1.5, 3, false), BenchCommand.settings(
				"--rounds 7 --seconds 1.5 --clients 3 --without-skip-recovery".split(" "), quiet, quiet));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"--rounds 0|argument --rounds: not a positive number: '0'",
			"--rounds 99999999999|argument --rounds: out of range: '99999999999'",
			"--seconds x|argument --seconds: invalid float value: 'x'",
			"--seconds inf|argument --seconds: not a positive number: 'inf'",
			"--clients|argument --clients: expected one argument",
			"--without-skip-recovery x|unrecognized arguments: x"})
	void badArgumentsAreOneLineErrors(String arguments, String message) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = Main.run(("bench " + arguments).split(" "), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(2, status);
		String error = err.toString(StandardCharsets.UTF_8);
		assertTrue(error.startsWith("usage: tcptracer bench [-h]"), error);
		assertTrue(error.endsWith("tcptracer bench: error: " + message + "\n"), error);
		assertEquals("", out.toString(StandardCharsets.UTF_8));
	}
}
