package io.github.tcptracer.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The JDK's {@code jfr} command of one JDK, run as a process. */
record JfrTool(String jdk, Path executable) {
	private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

	/** The JDK running the tests (17) and JDK 25; JDK 25 missing fails under CI=true, else is left out. */
	static List<JfrTool> installed() {
		List<JfrTool> tools = new ArrayList<>();
		tools.add(new JfrTool("JDK " + Runtime.version().feature(), Path.of(System.getProperty("java.home"), "bin", "jfr")));
		if (Files.isExecutable(JDK_25.resolve("bin/jfr"))) {
			tools.add(new JfrTool("JDK 25", JDK_25.resolve("bin/jfr")));
		} else if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError("JDK 25 must be installed under CI=true: " + JDK_25);
		}
		return tools;
	}

	/** JDK 25's java launcher; fails under CI=true, skips the test elsewhere, when it is missing. */
	static Path jdk25Java() {
		Path java = JDK_25.resolve("bin/java");
		if (!Files.isExecutable(java) && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError("JDK 25 must be installed under CI=true: " + JDK_25);
		}
		Assumptions.assumeTrue(Files.isExecutable(java), "JDK 25 not installed at " + JDK_25);
		return java;
	}

	/** Runs {@code jfr args...}; asserts exit code 0 and returns standard output. */
	String run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(executable.toString());
		command.addAll(List.of(args));
		Path errors = Files.createTempFile("jfr-tool", ".err");
		try {
			Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(this + " timed out: " + command);
			}
			String err = Files.readString(errors);
			assertEquals(0, process.exitValue(), () -> this + " failed: " + command + "\n" + err + out);
			// jfr reports some parse failures on standard error and carries on with exit code 0
			if (!err.isBlank()) {
				throw new AssertionError(this + " reported a problem: " + command + "\n" + err + out);
			}
			return out;
		} finally {
			Files.deleteIfExists(errors);
		}
	}

	@Override
	public String toString() {
		return jdk + " jfr";
	}
}
