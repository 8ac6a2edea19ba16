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
 * The application runs in a PID namespace of its own, as in a container: it is pid 1 there, and
 * its threads' ids are that namespace's, while the kernel's tracepoints see other numbers. The
 * recording still holds exactly its connections, with the pid and tids it knows itself by, each
 * named by its Java thread (before, the agent filtered on a pid the kernel never saw: no events).
 */
class PidNamespaceAgentIT {

	@Test
	void recordsTheApplicationByItsOwnNumbers(@TempDir Path directory) throws Exception {
		BpfRequirement.require();
		Path recording = directory.resolve("app.jfr");
		Path lines = directory.resolve("tcp.log");
		List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc"));
		command.addAll(ChildJvm.command(ChildJvm.java(Path.of(System.getProperty("java.home"))),
				List.of(ChildJvm.agentOption("lines=" + lines), ChildJvm.recordTo(recording),
						"-Djava.net.preferIPv4Stack=true"),
				ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class, "--await-agent", AgentStatus.TRACING));

		ChildJvm.Result result = ChildJvm.run(command, directory);

		assertEquals(0, result.exitStatus(), result::toString);
		assertTrue(result.out().contains("done"), result::toString);
		assertTrue(result.err().stream().noneMatch(line -> line.startsWith("tcptracer agent:")), result::toString);
		long pidInNamespace = 1; // unshare --fork makes the JVM its namespace's first process
		ExpectedTraffic expected = new ExpectedTraffic(result.out());
		expected.assertRecorded(recording, pidInNamespace, 4, "127.0.0.1");
		expected.assertLines(Files.readAllLines(lines), pidInNamespace);
	}
}
