package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory JNA would unpack into, judged without loading JNA (whose failure there logs a stack trace). */
class JnaDirectoryTest {
	@TempDir
	Path directory;
	private final Map<String, String> properties = new HashMap<>();
	private final Map<String, String> environment = new HashMap<>();

	@Test
	void aDirectoryThatCannotBeMadeIsNamed() throws IOException {
		Path underAFile = Files.createFile(directory.resolve("file")).resolve("jna");
		properties.put("jna.tmpdir", underAFile.toString());
		assertEquals("JNA temporary directory '" + underAFile + "' does not exist", problem());
		properties.put("jna.tmpdir", "/proc/nope");
		assertEquals("JNA temporary directory '/proc/nope' does not exist", problem());
	}

	@Test
	void aFileIsNotADirectory() throws IOException {
		Path file = Files.createFile(directory.resolve("file"));
		properties.put("jna.tmpdir", file.toString());
		assertEquals("JNA temporary directory '" + file + "' is not a directory", problem());
	}

	@Test
	void aMissingDirectoryIsMadeAsJnaWould() {
		Path missing = directory.resolve("a/b");
		properties.put("jna.tmpdir", missing.toString());
		assertNull(problem());
		assertTrue(Files.isDirectory(missing));
	}

	@Test
	void withoutJnaTmpdirTheUsersCacheThenJavaIoTmpdir() throws IOException {
		environment.put("XDG_CACHE_HOME", Files.createFile(directory.resolve("file")).toString()); // cannot hold JNA/temp
		properties.put("java.io.tmpdir", "/proc/nope");
		assertEquals("JNA temporary directory '/proc/nope' does not exist", problem());
		properties.put("java.io.tmpdir", directory.toString());
		assertNull(problem());
		environment.put("XDG_CACHE_HOME", directory.resolve("cache").toString());
		properties.put("java.io.tmpdir", "/proc/nope");
		assertNull(problem());
		assertTrue(Files.isDirectory(directory.resolve("cache/JNA/temp")));
		environment.remove("XDG_CACHE_HOME");
		properties.put("user.home", directory.resolve("home").toString());
		assertNull(problem());
		assertTrue(Files.isDirectory(directory.resolve("home/.cache/JNA/temp")));
	}

	@Test
	void notJudgedWhereJnaDoesNotUnpack() {
		properties.put("jna.tmpdir", "/proc/nope");
		properties.put("jna.nounpack", "true");
		assertNull(problem());
		properties.remove("jna.nounpack");
		properties.put("jna.boot.library.path", "/usr/lib/jni");
		assertNull(problem());
	}

	private String problem() {
		return JnaDirectory.problem(properties::get, environment::get);
	}
}
