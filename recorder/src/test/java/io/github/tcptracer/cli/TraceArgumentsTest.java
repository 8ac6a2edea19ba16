package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tcptracer.capture.TraceOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What ArgparseGoldenTest cannot take from Python: our own limits, and the options handed on. */
class TraceArgumentsTest {

	@ParameterizedTest
	@CsvSource({
			"-p 2147483648, 2147483648, -p/--pid",
			"-N 4294967296, 4294967296, -N/--netns",
			"-N=-1,         -1,         -N/--netns"})
	void refusesNumbersTheKernelFilterCannotHold(String args, String value, String name) {
		Captured err = new Captured();
		ArgparseExit exit = assertThrows(ArgparseExit.class,
				() -> TraceArguments.parse(args.split(" "), new Captured().stream, err.stream));
		assertEquals(2, exit.status());
		assertEquals("tcptracer: error: argument " + name + ": out of range: '" + value + "'",
				err.text().lines().reduce((first, last) -> last).orElseThrow());
	}

	/** Java decodes the command line: what it could not decode would name another file. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"-o||-o/--output|empty path",
			"--output|/tmp/\uFFFD.jfr|-o/--output|not a path in this locale's character set (%s): '/tmp/\uFFFD.jfr'",
			"--cgroupmap|/sys/fs/bpf/\uFFFD|--cgroupmap|not a path in this locale's character set (%s): '/sys/fs/bpf/\uFFFD'",
			"--mntnsmap||--mntnsmap|empty path",
			"-o|newdir/|-o/--output|names a directory, not a file: 'newdir/'"})
	void refusesAPathItCannotUse(String option, String path, String name, String message) {
		Captured err = new Captured();
		ArgparseExit exit = assertThrows(ArgparseExit.class, () -> TraceArguments.parse(
				new String[] {option, path == null ? "" : path}, new Captured().stream, err.stream));
		assertEquals(2, exit.status());
		assertEquals("tcptracer: error: argument " + name + ": "
				+ message.formatted(System.getProperty("sun.jnu.encoding")),
				err.text().lines().reduce((first, last) -> last).orElseThrow());
	}

	/** A duration below a nanosecond is positive, as Python sees it: one nanosecond, not zero. */
	@Test
	void takesASubNanosecondDurationAsOne() throws ArgparseExit {
		TraceSettings settings = TraceArguments.parse(new String[] {"-o", "x.jfr", "--flush-interval", "1e-12",
				"-d", "1e-300"}, System.out, System.err);
		assertEquals(java.time.Duration.ofNanos(1), settings.flushInterval());
		assertEquals(java.time.Duration.ofNanos(1), settings.duration());
	}

	@Test
	void handsTheFiltersToTheTracer() throws ArgparseExit {
		TraceOptions options = TraceArguments.parse(new String[] {"-p", "181", "-N", "4294967295", "-6",
				"--cgroupmap", "/sys/fs/bpf/cg", "--mntnsmap", "/sys/fs/bpf/mnt"}, System.out, System.err)
				.traceOptions();
		assertEquals(TraceOptions.all().withPid(181).withNetworkNamespace(4294967295L).withIpVersion(6)
				.withCgroupMap(Path.of("/sys/fs/bpf/cg")).withMountNamespaceMap(Path.of("/sys/fs/bpf/mnt")), options);
	}
}
