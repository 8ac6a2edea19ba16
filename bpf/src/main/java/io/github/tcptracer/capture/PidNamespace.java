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
	/** The initial PID namespace's inode (the kernel's PROC_PID_INIT_INO). */
	private static final long INITIAL_INODE = 0xEFFFFFFCL;

	/**
	 * This process's PID namespace; null for the initial one, whose numbers the kernel's programs
	 * get without asking, or when /proc does not say.
	 */
	public static PidNamespace ofThisProcess() {
		try {
			PidNamespace own = of(SELF);
			return own.inode() == INITIAL_INODE ? null : own;
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
