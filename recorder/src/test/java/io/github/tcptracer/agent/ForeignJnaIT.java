package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application that bundles another JNA version keeps using its own, before and after the
 * agent has loaded its JNA; and the agent records all the same.
 */
class ForeignJnaIT {
	@ParameterizedTest(name = "jna {0}")
	@ValueSource(strings = {"5.13.0", "5.15.0"})
	void applicationAndAgentEachUseTheirOwnJna(String version, @TempDir Path directory) throws Exception {
		BpfRequirement.require();
		Path jna = ChildJvm.FOREIGN_JNA.resolve("jna-" + version + ".jar");
		Path recording = directory.resolve("app.jfr");
		Process child = ChildJvm.start(ChildJvm.command(ChildJvm.java(Path.of(System.getProperty("java.home"))),
				List.of(ChildJvm.agentOption(null), ChildJvm.recordTo(recording)),
				ChildJvm.TEST_CLASSES + File.pathSeparator + jna, ForeignJnaApp.class,
				"--await-agent", AgentStatus.TRACING), directory);
		ChildJvm.Result result = ChildJvm.finish(child, directory);

		assertEquals(0, result.exitStatus(), result::toString);
		assertTrue(result.out().contains("jna from " + jna.toUri().toURL()), result::toString);
		String getpid = "getpid " + child.pid();
		assertEquals(2, result.out().stream().filter(getpid::equals).count(), result::toString);
		new ExpectedTraffic(result.out()).assertRecorded(recording, child.pid(), 6, "::ffff:127.0.0.1");
		assertTrue(result.err().stream().noneMatch(line -> line.startsWith("tcptracer agent:")), result::toString);
	}
}
