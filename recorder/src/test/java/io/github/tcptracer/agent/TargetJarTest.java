package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a target JVM opens the agent jar: at its own path when the target's user may read it there,
 * else at a copy in the target's /tmp, named by the jar's digest so that attaching again reuses it.
 * The target here is a process of {@code nobody} (it need not be a JVM: only its credentials and
 * root count); the jar sits in a directory only root may enter.
 */
class TargetJarTest {
	private static final String NOBODY = "65534";
	private Process target;
	private final List<Path> copies = new ArrayList<>();

	@TempDir
	Path directory;

	@BeforeEach
	void startTarget() throws Exception {
		assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run a process as nobody");
		target = startTarget(List.of());
	}

	/** A process of nobody, started through {@code launcher} (which ends by running its arguments). */
	private static Process startTarget(List<String> launcher) throws Exception {
		List<String> command = new ArrayList<>(launcher);
		command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--", "sleep",
				"600"));
		Process started = new ProcessBuilder(command).start();
		// Once it runs sleep, setpriv has changed its credentials.
		Path comm = Path.of("/proc", Long.toString(started.pid()), "comm");
		for (int i = 0; i < 500 && started.isAlive() && !Files.readString(comm).strip().equals("sleep"); i++) {
			Thread.sleep(10);
		}
		assertEquals("sleep", Files.readString(comm).strip(), "the target did not start");
		return started;
	}

	@AfterEach
	void removeCopiesAndStopTarget() throws IOException {
		for (Path copy : copies) {
			Files.deleteIfExists(copy); // through the target's root: before it ends
		}
		if (target != null) {
			target.destroyForcibly();
		}
	}

	private Path jarOnlyRootMayRead(String content) throws IOException {
		Path hidden = directory.resolve("root-only");
		if (!Files.isDirectory(hidden)) {
			Files.createDirectory(hidden, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		Path jar = hidden.resolve("tcptracer.jar");
		Files.writeString(jar, content);
		return jar;
	}

	/** The jar's path in the target, as {@link TargetJar#pathFor} gives it; remembers a copy to remove. */
	private Path pathInTarget(Path jar) throws IOException {
		String path = TargetJar.pathFor(target.pid(), jar);
		Path here = Path.of("/proc", Long.toString(target.pid()), "root", path.substring(1));
		if (!path.equals(jar.toString())) {
			copies.add(here);
		}
		return here;
	}

	@Test
	void aJarTheTargetMayReadIsUsedWhereItIs() throws IOException {
		Path jar = directory.resolve("tcptracer.jar");
		Files.writeString(jar, "readable");
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		assertEquals(jar.toString(), TargetJar.pathFor(target.pid(), jar));
	}

	@Test
	void aJarTheTargetMayNotReadIsCopiedOnceAndReused() throws IOException {
		Path jar = jarOnlyRootMayRead("version one");
		Path copy = pathInTarget(jar);
		assertTrue(copy.getFileName().toString().matches("tcptracer-agent-[0-9a-f]{16}\\.jar"), copy::toString);
		assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(copy));
		assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)),
				"readable by the target's user");
		Object file = Files.readAttributes(copy, "unix:ino").get("ino");

		assertEquals(copy, pathInTarget(jar), "the same jar goes to the same copy");
		assertEquals(file, Files.readAttributes(copy, "unix:ino").get("ino"), "and it is not written again");
	}

	@Test
	void anotherJarGetsACopyOfItsOwn() throws IOException {
		Path first = pathInTarget(jarOnlyRootMayRead("version one"));
		Path second = pathInTarget(jarOnlyRootMayRead("version two, longer"));
		assertNotEquals(first, second);
		assertEquals("version two, longer", Files.readString(second));
		assertEquals("version one", Files.readString(first), "the first copy stays: a JVM may load from it");
	}

	@Test
	void aCopyOfAnotherSizeIsWrittenAgain() throws IOException {
		Path jar = jarOnlyRootMayRead("the whole jar");
		Path copy = pathInTarget(jar);
		Files.writeString(copy, "the whole"); // not the jar: another size
		assertEquals(copy, pathInTarget(jar));
		assertEquals("the whole jar", Files.readString(copy));
	}

	/** A target whose /tmp takes no copy (read-only, in a mount namespace of its own) gets a clear error. */
	@Test
	void aJarThatCannotBeCopiedIsUnavailable() throws Exception {
		target.destroyForcibly();
		target = startTarget(List.of("unshare", "--mount", "sh", "-c", "mount -t tmpfs -o ro tmpfs /tmp && exec \"$@\"",
				"sh"));
		Path jar = jarOnlyRootMayRead("the jar");
		TargetJar.Unavailable unavailable = assertThrows(TargetJar.Unavailable.class,
				() -> TargetJar.pathFor(target.pid(), jar));
		assertTrue(unavailable.getMessage().startsWith("it cannot open " + jar + " where it is"),
				unavailable::getMessage);
	}
}
