package io.github.tcptracer.capture.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Processes a test started through a wrapper (unshare --fork), found from the wrapper. */
public final class ProcessTree {
	private ProcessTree() {
	}

	/** The one child process of {@code pid}, as this JVM's PID namespace numbers it. */
	public static long onlyChild(long pid) throws IOException {
		String children = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children"))
				.strip();
		assertTrue(children.matches("\\d+"), () -> "one child of " + pid + ": " + children);
		return Long.parseLong(children);
	}
}
