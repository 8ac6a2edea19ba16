package io.github.tcptracer.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The path under which a target JVM opens tcptracer.jar. A JVM in a container lives in a mount
 * namespace of its own, where the jar's path here may not exist or be another file; a JVM of
 * another user may not be allowed to read it (a jar under root's or someone's home). Then the jar
 * goes into the target's /tmp, reached through {@code /proc/PID/root} (as jattach does), readable
 * by all, and the target gets that path. The copy stays: the agent loads its classes from it for
 * as long as the JVM runs. Its name holds a digest of the jar, so attaching again reuses it.
 */
final class TargetJar {
	/** The target cannot open the jar at its path, and it cannot be copied to where the target can. */
	static final class Unavailable extends IOException {
		private static final long serialVersionUID = 1L;

		Unavailable(String message) {
			super(message);
		}
	}

	private TargetJar() {
	}

	/** The jar's path as the JVM {@code pid} sees its files. */
	static String pathFor(long pid, Path jar) throws IOException {
		Path root = Path.of("/proc", Long.toString(pid), "root");
		Path absolute = jar.toAbsolutePath();
		try {
			if (Files.isSameFile(absolute, root.resolve(absolute.toString().substring(1)))
					&& ProcessCredentials.of(pid).canRead(root, absolute)) {
				return absolute.toString();
			}
		} catch (IOException | RuntimeException notThere) {
			// not at that path over there, not readable by its user, or no way to tell: copy it
		}
		String name = "tcptracer-agent-" + digest(absolute) + ".jar";
		Path copy = root.resolve("tmp").resolve(name);
		try {
			if (!Files.isRegularFile(copy) || Files.size(copy) != Files.size(absolute)) {
				// Written under another name and moved: the target never opens a half-written jar.
				Path partial = Files.createTempFile(root.resolve("tmp"), name, ".part");
				try {
					Files.copy(absolute, partial, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
					Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				} finally {
					Files.deleteIfExists(partial);
				}
			}
		} catch (IOException e) {
			throw new Unavailable("it cannot open " + absolute + " where it is (another mount namespace, as in a"
					+ " container, or a user who may not read it), and copying it into its /tmp failed: " + e);
		}
		return "/tmp/" + name;
	}

	private static String digest(Path jar) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest(), 0, 8);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
