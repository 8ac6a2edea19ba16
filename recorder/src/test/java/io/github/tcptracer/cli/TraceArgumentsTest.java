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

	@Test
	void handsTheFiltersToTheTracer() throws ArgparseExit {
		TraceOptions options = TraceArguments.parse(new String[] {"-p", "181", "-N", "4294967295", "-6",
				"--cgroupmap", "/sys/fs/bpf/cg", "--mntnsmap", "/sys/fs/bpf/mnt"}, System.out, System.err)
				.traceOptions();
		assertEquals(TraceOptions.all().withPid(181).withNetworkNamespace(4294967295L).withIpVersion(6)
				.withCgroupMap(Path.of("/sys/fs/bpf/cg")).withMountNamespaceMap(Path.of("/sys/fs/bpf/mnt")), options);
	}
}
