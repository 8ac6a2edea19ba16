package io.github.tcptracer.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A JVM started by a test: the JDK to use, the command, and its output captured in files (no
 * pipe to drain). Knows where the build put tcptracer.jar and the test classes.
 */
public final class ChildJvm {
	static final Path JAR = Path.of(System.getProperty("tcptracer.jar", "target/tcptracer.jar"));
	public static final Path TEST_CLASSES = Path.of(System.getProperty("tcptracer.testClasses", "target/test-classes"));
	static final Path FOREIGN_JNA = Path.of(System.getProperty("tcptracer.foreignJna", "target/foreign-jna"));
	static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
	/** The agent's status word while tracing, for tests in other packages (AgentStatus keeps it to its own). */
	public static final String TRACING = AgentStatus.TRACING;
	private static final long TIMEOUT_SECONDS = 120;

	/** A finished child: exit status and output lines. */
	public record Result(int exitStatus, List<String> out, List<String> err) {
		@Override
		public String toString() {
			return "exit " + exitStatus + "\n--- stdout\n" + String.join("\n", out) + "\n--- stderr\n"
					+ String.join("\n", err);
		}
	}

	private ChildJvm() {
	}

	/** The JDKs the agent is tested on: this one (17) and Temurin 25 where it is installed. */
	static Stream<Path> jdks() {
		return Stream.of(Path.of(System.getProperty("java.home")), JDK_25);
	}

	/** Skips the calling test when {@code javaHome} is not installed here. */
	public static Path java(Path javaHome) {
		Path java = javaHome.resolve("bin/java");
		Assumptions.assumeTrue(Files.isExecutable(java), "no JDK at " + javaHome);
		return java;
	}

	static Path tool(Path javaHome, String name) {
		return javaHome.resolve("bin").resolve(name);
	}

	public static String agentOption(String options) {
		return "-javaagent:" + JAR.toAbsolutePath() + (options == null ? "" : "=" + options);
	}

	public static String recordTo(Path file) {
		return "-XX:StartFlightRecording:filename=" + file.toAbsolutePath();
	}

	/** Runs {@code command} to its end with output to files under {@code directory}. */
	static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
		return finish(start(command, directory), directory);
	}

	public static Process start(List<String> command, Path directory) throws IOException {
		return new ProcessBuilder(command)
				.redirectOutput(directory.resolve("stdout.txt").toFile())
				.redirectError(directory.resolve("stderr.txt").toFile())
				.start();
	}

	public static Result finish(Process process, Path directory) throws IOException, InterruptedException {
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("still running after " + TIMEOUT_SECONDS + " s: " + output(process, directory));
		}
		return output(process, directory);
	}

	private static Result output(Process process, Path directory) throws IOException {
		return new Result(process.isAlive() ? -1 : process.exitValue(),
				Files.readAllLines(directory.resolve("stdout.txt"), StandardCharsets.UTF_8),
				Files.readAllLines(directory.resolve("stderr.txt"), StandardCharsets.UTF_8));
	}

	/** java, then the given options, then the class path and the main class with its arguments. */
	public static List<String> command(Path java, List<String> jvmOptions, String classPath, Class<?> main,
			String... args) {
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classPath);
		command.add(main.getName());
		command.addAll(List.of(args));
		return command;
	}
}
