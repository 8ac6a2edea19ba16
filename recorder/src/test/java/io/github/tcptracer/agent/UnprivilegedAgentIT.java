package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The application runs as a user without BPF privileges: one warning line from the agent, the
 * application's own output and exit status unchanged, and its recording still written. On JDK 25
 * too: nothing loads JNA before the agent knows it may trace, so the JVM has no restricted-method
 * warning (JEP 472) to print.
 */
class UnprivilegedAgentIT {
	private static final String NOBODY = "65534";

	static List<Path> jdks() {
		return ChildJvm.jdks().toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("jdks")
	void oneWarningAndTheApplicationRunsOn(Path jdk, @TempDir Path directory) throws Exception {
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path recording = directory.resolve("app.jfr");
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
		}
		command.addAll(ChildJvm.command(ChildJvm.java(jdk),
				List.of(ChildJvm.agentOption(null), ChildJvm.recordTo(recording), "-Xlog:jfr+startup=off",
						"-Djava.io.tmpdir=" + directory),
				ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class, "--await-agent", AgentStatus.FAILED));

		ChildJvm.Result result = ChildJvm.run(command, directory);

		assertEquals(0, result.exitStatus(), result::toString);
		assertEquals("done", result.out().get(result.out().size() - 1), result::toString);
		assertEquals(1, result.err().size(), result::toString);
		assertTrue(result.err().get(0).startsWith("tcptracer agent: BPF not permitted: run as root"), result::toString);
		assertTrue(Files.size(recording) > 0, "the application's recording");
	}
}
