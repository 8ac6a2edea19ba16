package io.github.tcptracer.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -o file: created new, for its owner only, never over an existing file or through a symlink. */
class OutputFileTest {
	private static final Duration INTERVAL = Duration.ofSeconds(1);

	@TempDir
	Path dir;

	@Test
	void isCreatedForItsOwnerOnly() throws IOException {
		Path file = dir.resolve("tcp.jfr");
		JfrFileSink.open(file, INTERVAL).close();
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
	}

	@Test
	void refusesAnExistingFileAndLeavesItAlone() throws IOException {
		Path file = Files.writeString(dir.resolve("tcp.jfr"), "precious");
		IOException refused = assertThrows(IOException.class, () -> JfrFileSink.open(file, INTERVAL));
		assertOneLineNaming(refused, file);
		assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
		assertEquals("precious", Files.readString(file));
	}

	@Test
	void refusesASymlinkToAFile() throws IOException {
		Path target = Files.writeString(dir.resolve("target"), "precious");
		Path link = Files.createSymbolicLink(dir.resolve("tcp.jfr"), target);
		assertOneLineNaming(assertThrows(IOException.class, () -> JfrFileSink.open(link, INTERVAL)), link);
		assertEquals("precious", Files.readString(target));
	}

	@Test
	void refusesADanglingSymlink() throws IOException {
		Path target = dir.resolve("not-there");
		Path link = Files.createSymbolicLink(dir.resolve("tcp.jfr"), target);
		assertOneLineNaming(assertThrows(IOException.class, () -> JfrFileSink.open(link, INTERVAL)), link);
		assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS), "nothing created through the link");
	}

	@Test
	void saysWhenTheDirectoryIsMissing() {
		Path file = dir.resolve("missing").resolve("tcp.jfr");
		IOException refused = assertThrows(IOException.class, () -> JfrFileSink.open(file, INTERVAL));
		assertOneLineNaming(refused, file);
		assertTrue(refused.getMessage().contains("no such directory"), refused.getMessage());
	}

	private static void assertOneLineNaming(IOException e, Path file) {
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
	}
}
