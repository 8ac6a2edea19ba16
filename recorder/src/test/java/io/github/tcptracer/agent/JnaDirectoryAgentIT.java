package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host mounts JNA's directory noexec (hardened hosts do so with /tmp): JNA cannot map the
 * library it unpacks. The agent says that in one line, not that libbpf is missing, and the
 * application runs on with its recording. A directory JNA cannot make is found before JNA looks at
 * it: JNA would log that with a stack trace, and the agent leaves its host's logging alone.
 */
class JnaDirectoryAgentIT {

	@Test
	void oneWarningNamingJnasDirectory(@TempDir Path directory) throws Exception {
		BpfRequirement.require(); // privileged: the agent gets as far as loading native code
		Path jnaDirectory = Files.createDirectory(directory.resolve("jna"));
		Path recording = directory.resolve("app.jfr");
		List<String> java = ChildJvm.command(ChildJvm.java(Path.of(System.getProperty("java.home"))),
				List.of(ChildJvm.agentOption(null), ChildJvm.recordTo(recording), "-Xlog:jfr+startup=off",
						"-Djna.tmpdir=" + jnaDirectory),
				ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class, "--await-agent", AgentStatus.FAILED);
		// In a mount namespace of its own, so the noexec mount ends with the child.
		List<String> command = new ArrayList<>(List.of("unshare", "--mount", "sh", "-c",
				"mount -t tmpfs -o noexec none \"$0\" && exec \"$@\"", jnaDirectory.toString()));
		command.addAll(java);

		ChildJvm.Result result = ChildJvm.run(command, directory);

		assertEquals(0, result.exitStatus(), result::toString);
		assertEquals("done", result.out().get(result.out().size() - 1), result::toString);
		assertEquals(1, result.err().size(), result::toString);
		String warning = result.err().get(0);
		assertTrue(warning.startsWith("tcptracer agent: cannot load JNA's native library (" + jnaDirectory + "/"),
				result::toString);
		assertTrue(warning.contains("failed to map segment from shared object): JNA unpacks it into a directory"
				+ " that must be writable and allow executables; name one with -Djna.tmpdir=DIR"), result::toString);
		assertTrue(Files.size(recording) > 0, "the application's recording");
	}

	@Test
	void oneWarningForADirectoryThatCannotBeMade(@TempDir Path directory) throws Exception {
		BpfRequirement.require();
		Path recording = directory.resolve("app.jfr");
		List<String> command = ChildJvm.command(ChildJvm.java(Path.of(System.getProperty("java.home"))),
				List.of(ChildJvm.agentOption(null), ChildJvm.recordTo(recording), "-Xlog:jfr+startup=off",
						"-Djna.tmpdir=/proc/nope"),
				ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class, "--await-agent", AgentStatus.FAILED);

		ChildJvm.Result result = ChildJvm.run(command, directory);

		assertEquals(0, result.exitStatus(), result::toString);
		assertEquals("done", result.out().get(result.out().size() - 1), result::toString);
		assertEquals(List.of("tcptracer agent: cannot load JNA's native library (JNA temporary directory '/proc/nope'"
				+ " does not exist): JNA unpacks it into a directory that must be writable and allow executables;"
				+ " name one with -Djna.tmpdir=DIR (e.g. in JAVA_TOOL_OPTIONS); this JVM's recordings get no TCP"
				+ " events, the application runs on"), result.err(), result::toString);
		assertTrue(Files.size(recording) > 0, "the application's recording");
	}
}
