package io.github.tcptracer.capture.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies the class path entries holding some classes into a temporary directory any user can
 * read, for child processes that run as another user (the Maven repository under /root is not).
 */
public final class WorldReadableClassPath implements AutoCloseable {
	private final Path root;
	private final String classPath;

	private WorldReadableClassPath(Path root, String classPath) {
		this.root = root;
		this.classPath = classPath;
	}

	/** The class path to pass to {@code java -cp}. */
	public String classPath() {
		return classPath;
	}

	public static WorldReadableClassPath of(Class<?>... classes) throws Exception {
		Path root = Files.createTempDirectory("tcptracer-classpath");
		Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
		List<String> entries = new ArrayList<>();
		int index = 0;
		for (Class<?> type : classes) {
			Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path target = root.resolve("entry" + index++ + (Files.isDirectory(source) ? "" : ".jar"));
			copy(source, target);
			entries.add(target.toString());
		}
		return new WorldReadableClassPath(root, String.join(":", entries));
	}

	@Override
	public void close() throws IOException {
		try (Stream<Path> tree = Files.walk(root)) {
			for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void copy(Path source, Path target) throws IOException {
		if (!Files.isDirectory(source)) {
			Files.copy(source, target);
			Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
			return;
		}
		try (Stream<Path> tree = Files.walk(source)) {
			tree.forEach(path -> {
				Path copy = target.resolve(source.relativize(path).toString());
				try {
					if (Files.isDirectory(path)) {
						Files.createDirectories(copy);
						Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
					} else {
						Files.copy(path, copy);
						Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
					}
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}
}
