package io.github.tcptracer.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PID namespace, as the kernel names it to BPF: the device and inode of its nsfs file. A JVM in
 * a container (a PID namespace of its own) knows itself and its threads only by that namespace's
 * numbers, while the kernel's tracepoints number tasks in the initial namespace.
 */
public record PidNamespace(long device, long inode) {
	private static final Path SELF = Path.of("/proc/self/ns/pid");

	/** This process's PID namespace, or null when /proc does not say (then ids are the initial namespace's). */
	public static PidNamespace ofThisProcess() {
		try {
			return of(SELF);
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
			return null;
		}
	}

	/** The namespace of an nsfs file ({@code /proc/PID/ns/pid}). */
	public static PidNamespace of(Path file) throws IOException {
		return new PidNamespace(((Number) Files.getAttribute(file, "unix:dev")).longValue(),
				((Number) Files.getAttribute(file, "unix:ino")).longValue());
	}
}
