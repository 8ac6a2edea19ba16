package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line against what Python 3.11's argparse prints for the same options: the goldens
 * in src/test/resources/cli/argparse, written by generate_goldens.py from cases.tsv. A case has
 * NAME.out (help on stdout, exit 0), NAME.err (usage error on stderr, exit 2) or NAME.parsed
 * (the values argparse parsed).
 */
class ArgparseGoldenTest {

	static Stream<Arguments> cases() {
		return Resources.table("argparse/cases.tsv").stream()
				.map(row -> Arguments.of(row[0], Arrays.copyOfRange(row, 1, row.length)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void printsAndParsesAsArgparse(String name, String[] args) {
		Captured out = new Captured();
		Captured err = new Captured();
		int status = 0;
		TraceSettings settings = null;
		try {
			settings = TraceArguments.parse(args, out.stream, err.stream);
		} catch (ArgparseExit exit) {
			status = exit.status();
		}
		String help = Resources.text("argparse/" + name + ".out");
		String error = Resources.text("argparse/" + name + ".err");
		String parsed = Resources.text("argparse/" + name + ".parsed");
		assertEquals(help != null ? 0 : error != null ? 2 : 0, status, "exit status");
		assertEquals(help != null ? help : "", out.text(), "stdout");
		assertEquals(error != null ? error : "", err.text(), "stderr");
		if (parsed != null) {
			assertNotNull(settings);
			assertEquals(parsed, pythonValues(settings));
		}
	}

	@Test
	void mainRunsTheTraceCommandWithoutACommandName() {
		Captured out = new Captured();
		Captured err = new Captured();
		assertEquals(2, Main.run(new String[] {"-p", "abc"}, out.stream, err.stream));
		assertEquals("", out.text());
		assertEquals(Resources.text("argparse/pid_not_int.err"), err.text());

		assertEquals(0, Main.run(new String[] {"-h"}, out.stream, err.stream));
		assertEquals(Resources.text("argparse/help.out"), out.text());
	}

	/** The settings as generate_goldens.py dumps argparse's values: one "name=repr" a line. */
	private static String pythonValues(TraceSettings settings) {
		return "timestamp=" + bool(settings.timestamp()) + "\n"
				+ "verbose=" + bool(settings.verbose()) + "\n"
				+ "pid=" + settings.pid() + "\n"
				+ "netns=" + settings.networkNamespace() + "\n"
				+ "cgroupmap=" + text(settings.cgroupMap()) + "\n"
				+ "mntnsmap=" + text(settings.mountNamespaceMap()) + "\n"
				+ "ip_version=" + settings.ipVersion() + "\n"
				+ "output=" + text(settings.output()) + "\n"
				+ "quiet=" + bool(settings.quiet()) + "\n"
				+ "duration=" + (settings.duration() == null ? "None" : seconds(settings.duration())) + "\n"
				+ "flush_interval=" + seconds(settings.flushInterval()) + "\n";
	}

	private static String bool(boolean value) {
		return value ? "True" : "False";
	}

	private static String text(Object value) {
		return value == null ? "None" : PythonRepr.of(value.toString());
	}

	/** Java's and Python's shortest double texts agree for the plain values the cases use. */
	private static String seconds(java.time.Duration duration) {
		return Double.toString(duration.toNanos() / 1e9);
	}
}
