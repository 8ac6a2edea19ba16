package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java runtimes linked with jlink hold only the modules the application needed. The agent in one
 * without jdk.jfr, or without java.logging (which JNA needs), says which module is missing in one
 * line and the application runs on; tcptracer itself, run by one, says so too (exit 1).
 */
class LinkedRuntimeIT {
	@TempDir
	static Path runtimes;
	private static Path withoutJfr;
	private static Path withoutLogging;

	@BeforeAll
	static void link() throws Exception {
		Path javaHome = Path.of(System.getProperty("java.home"));
		assumeTrue(Files.isDirectory(javaHome.resolve("jmods")), "this JDK has no jmods to link from");
		withoutJfr = link("java.base,java.instrument", "without-jfr");
		withoutLogging = link("java.base,java.instrument,jdk.jfr", "without-logging");
	}

	private static Path link(String modules, String name) throws Exception {
		Path image = runtimes.resolve(name);
		Process jlink = new ProcessBuilder(ChildJvm.tool(Path.of(System.getProperty("java.home")), "jlink").toString(),
				"--add-modules", modules, "--output", image.toString()).inheritIO().start();
		assertEquals(0, jlink.waitFor(), "jlink " + modules);
		return image.resolve("bin/java");
	}

	@Test
	void theAgentWithoutJfrSaysSo(@TempDir Path directory) throws Exception {
		ChildJvm.Result result = ChildJvm.run(ChildJvm.command(withoutJfr, List.of(ChildJvm.agentOption(null)),
				ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class, "--await-agent", AgentStatus.FAILED),
				directory);

		assertEquals(0, result.exitStatus(), result::toString);
		assertEquals("done", result.out().get(result.out().size() - 1), result::toString);
		assertEquals(List.of("tcptracer agent: this Java runtime has no jdk.jfr module (a jlink image without it);"
				+ " this JVM's recordings get no TCP events, the application runs on"), result.err());
	}

	@Test
	void theAgentWithoutJavaLoggingSaysJnaNeedsIt(@TempDir Path directory) throws Exception {
		BpfRequirement.require(); // privileged: the agent gets as far as loading native code
		ChildJvm.Result result = ChildJvm.run(ChildJvm.command(withoutLogging,
				List.of(ChildJvm.agentOption(null), ChildJvm.recordTo(directory.resolve("app.jfr")),
						"-Xlog:jfr+startup=off"),
				ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class, "--await-agent", AgentStatus.FAILED),
				directory);

		assertEquals(0, result.exitStatus(), result::toString);
		assertEquals("done", result.out().get(result.out().size() - 1), result::toString);
		assertEquals(List.of("tcptracer agent: this Java runtime lacks the java.logging module, which JNA needs"
				+ " (a jlink image: add it with --add-modules java.logging); this JVM's recordings get no TCP events,"
				+ " the application runs on"), result.err());
	}

	@Test
	void tcptracerSaysWhatTheRuntimeLacks(@TempDir Path directory) throws Exception {
		ChildJvm.Result result = ChildJvm.run(List.of(withoutLogging.toString(), "-jar",
				ChildJvm.JAR.toAbsolutePath().toString()), directory);

		assertEquals(1, result.exitStatus(), result::toString);
		assertEquals(List.of(), result.out());
		assertEquals(List.of("tcptracer: this Java runtime lacks sun.misc.Signal: run tcptracer with a full JDK 17"
				+ " or newer"), result.err());
	}
}
