package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code java -javaagent:tcptracer.jar -XX:StartFlightRecording}: the recording the child JVM
 * dumps at exit holds exactly its own loopback connects, accepts and closes, named by thread;
 * and the {@code lines=} file has them in bcc's format.
 */
class AgentRecordingIT {
	@BeforeAll
	static void bpf() {
		BpfRequirement.require();
	}

	static Stream<Arguments> jdksAndStacks() {
		return ChildJvm.jdks().flatMap(jdk -> Stream.of(
				Arguments.of(jdk, true, 4, "127.0.0.1"),
				// Java's default: dual-stack (AF_INET6) sockets, an IPv4 peer as a mapped address
				Arguments.of(jdk, false, 6, "::ffff:127.0.0.1")));
	}

	@ParameterizedTest(name = "{0}, IPv4 stack only: {1}")
	@MethodSource("jdksAndStacks")
	void recordingHoldsTheApplicationsConnections(Path jdk, boolean ipv4Stack, int ipVersion, String address,
			@TempDir Path directory) throws Exception {
		Path recording = directory.resolve("app.jfr");
		Path lines = directory.resolve("tcp.log");
		List<String> options = new ArrayList<>(List.of(ChildJvm.agentOption("lines=" + lines),
				ChildJvm.recordTo(recording)));
		if (ipv4Stack) {
			options.add("-Djava.net.preferIPv4Stack=true");
		}
		Process child = ChildJvm.start(ChildJvm.command(ChildJvm.java(jdk), options, ChildJvm.TEST_CLASSES.toString(),
				LoopbackTraffic.class, "--await-agent", AgentStatus.TRACING), directory);
		ChildJvm.Result result = ChildJvm.finish(child, directory);

		assertEquals(0, result.exitStatus(), result::toString);
		assertTrue(result.out().contains("done"), result::toString);
		assertTrue(result.err().stream().noneMatch(line -> line.startsWith("tcptracer agent:")), result::toString);
		ExpectedTraffic expected = new ExpectedTraffic(result.out());
		expected.assertRecorded(recording, child.pid(), ipVersion, address);
		expected.assertLines(Files.readAllLines(lines), child.pid());
	}
}
