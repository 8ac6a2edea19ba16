package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.capture.testing.ProcessTree;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tcptracer attach PID} into a running JVM, then {@code jcmd PID JFR.start}: the recording
 * holds the events, and once it stops the agent detaches its BPF programs; a JVM that refuses
 * dynamic agents gets a clear error.
 */
class AttachIT {
	private static final long AWAIT_SECONDS = 60;

	static List<Path> jdks() {
		return ChildJvm.jdks().toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("jdks")
	void attachThenRecord(Path jdk, @TempDir Path directory) throws Exception {
		BpfRequirement.require();
		Path app = Files.createDirectory(directory.resolve("app"));
		Process child = ChildJvm.start(ChildJvm.command(ChildJvm.java(jdk), List.of(), ChildJvm.TEST_CLASSES.toString(),
				LoopbackTraffic.class, "--await-agent", AgentStatus.TRACING, "--await-stdin"), app);
		try (OutputStream childInput = child.getOutputStream()) {
			ChildJvm.Result attach = attach(child.pid(), Files.createDirectory(directory.resolve("attach")));
			assertEquals(0, attach.exitStatus(), attach::toString);
			assertTrue(attach.out().get(0).startsWith("tcptracer agent in " + child.pid() + ": waiting"),
					attach::toString);

			Path recording = directory.resolve("attached.jfr");
			jcmd(jdk, child.pid(), directory, "JFR.start", "name=tcptracer-test");
			awaitLine(app.resolve("stdout.txt"), "done");
			assertTrue(bpfObjects(child.pid()) > 0, "no BPF programs, maps or links while tracing");
			jcmd(jdk, child.pid(), directory, "JFR.stop", "name=tcptracer-test", "filename=" + recording);
			awaitNoBpfObjects(child.pid());
			childInput.write('\n');
			childInput.flush();
			ChildJvm.Result application = ChildJvm.finish(child, app);
			assertEquals(0, application.exitStatus(), application::toString);
			new ExpectedTraffic(application.out()).assertRecorded(recording, child.pid(), 6, "::ffff:127.0.0.1");
		} finally {
			child.destroyForcibly();
		}
	}

	/**
	 * The production case: a JVM in a container (mount and PID namespaces of its own, where
	 * tcptracer.jar's path is another file) that records from its start. attach copies the jar into
	 * its /tmp, reports tracing at once, and the recording holds the application's connections under
	 * the pid it knows itself by, 1.
	 */
	@Test
	void attachIntoAContainerThatRecordsAlready(@TempDir Path directory) throws Exception {
		BpfRequirement.require();
		Path app = Files.createDirectory(directory.resolve("app"));
		Path recording = directory.resolve("container.jfr");
		List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--kill-child", "--mount-proc",
				"sh", "-c", "mount --bind /dev/null \"$0\" && exec \"$@\"", ChildJvm.JAR.toAbsolutePath().toString()));
		command.addAll(ChildJvm.command(ChildJvm.java(Path.of(System.getProperty("java.home"))),
				List.of(ChildJvm.recordTo(recording), "-XX:-UsePerfData"), ChildJvm.TEST_CLASSES.toString(),
				LoopbackTraffic.class, "--await-agent", AgentStatus.TRACING, "--await-stdin"));
		Process container = ChildJvm.start(command, app);
		List<Path> copies = List.of();
		try (OutputStream childInput = container.getOutputStream()) {
			awaitLine(app.resolve("stdout.txt"), line -> line.contains("Started recording")); // attachable
			long jvm = ProcessTree.onlyChild(container.pid()); // unshare's child, which sh became
			ChildJvm.Result attach = attach(jvm, Files.createDirectory(directory.resolve("attach")));
			assertEquals(0, attach.exitStatus(), attach::toString);
			assertEquals(List.of("tcptracer agent in " + jvm + ": tracing: pid 1"), attach.out(), attach::toString);
			try (Stream<Path> files = Files.list(Path.of("/proc", Long.toString(jvm), "root", "tmp"))) {
				copies = files.filter(file -> file.getFileName().toString().startsWith("tcptracer-agent-")).toList();
			}
			assertEquals(1, copies.size(), "the jar copied into the container's /tmp");
			awaitLine(app.resolve("stdout.txt"), "done"::equals);
			childInput.write('\n');
			childInput.flush();
			ChildJvm.Result application = ChildJvm.finish(container, app);
			assertEquals(0, application.exitStatus(), application::toString);
			new ExpectedTraffic(application.out()).assertRecorded(recording, 1, 6, "::ffff:127.0.0.1");
		} finally {
			container.destroyForcibly();
			for (Path copy : copies) { // this "container" shares the host's /tmp
				Files.deleteIfExists(Path.of("/tmp").resolve(copy.getFileName()));
			}
		}
	}

	/**
	 * A JVM of another user, who may not read the jar where it is (here under a directory only
	 * root may enter): attach hands it a copy in /tmp. That user has no BPF privileges, so the
	 * agent reports that, which it can only do once the JVM has loaded it.
	 */
	@Test
	void attachIntoAJvmWhoseUserCannotReadTheJar(@TempDir Path directory) throws Exception {
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
		Path app = Files.createDirectory(directory.resolve("app"));
		Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path privateJar = Files.createDirectory(directory.resolve("private"), PosixFilePermissions.asFileAttribute(
				PosixFilePermissions.fromString("rwx------"))).resolve("tcptracer.jar");
		Files.copy(ChildJvm.JAR, privateJar);
		List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
				"--"));
		command.addAll(ChildJvm.command(ChildJvm.java(Path.of(System.getProperty("java.home"))),
				List.of("-Djava.io.tmpdir=" + app, ChildJvm.recordTo(app.resolve("app.jfr")), "-Xlog:jfr+startup=off"),
				ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class,
				"--await-agent", AgentStatus.FAILED, "--await-stdin"));
		assumeTrue("root".equals(System.getProperty("user.name")), "only root can run a JVM as another user");
		Process child = ChildJvm.start(command, app);
		// The application stays until attach has read the agent's status: were it to end as soon as
		// the agent failed, attach would lose the connection before it could read that.
		try (OutputStream childInput = child.getOutputStream()) {
			ChildJvm.Result attach = ChildJvm.run(List.of(ChildJvm.java(Path.of(System.getProperty("java.home")))
					.toString(), "-jar", privateJar.toString(), "attach", Long.toString(child.pid())),
					Files.createDirectory(directory.resolve("attach")));
			assertEquals(1, attach.exitStatus(), attach::toString);
			assertEquals(List.of("tcptracer attach: the agent in " + child.pid() + " failed: BPF not permitted: run as"
					+ " root, or with CAP_BPF and CAP_PERFMON (this process lacks CAP_BPF and CAP_PERFMON)"),
					attach.err(), attach::toString);
			childInput.write('\n');
			childInput.flush();
			ChildJvm.Result application = ChildJvm.finish(child, app);
			assertEquals(0, application.exitStatus(), application::toString);
		} finally {
			child.destroyForcibly();
			try (Stream<Path> copies = Files.list(Path.of("/tmp"))) {
				for (Path copy : copies.filter(file -> file.getFileName().toString().startsWith("tcptracer-agent-"))
						.toList()) {
					Files.deleteIfExists(copy);
				}
			}
		}
	}

	/**
	 * Attaching twice to a JDK 25 JVM that records: the second attach loads nothing (the JVM's
	 * JEP 451 warning comes once), says the agent was loaded before and that its options were not
	 * applied, and exits 0 since the agent traces.
	 */
	@Test
	void attachingAgainLoadsNothingAndSaysSo(@TempDir Path directory) throws Exception {
		BpfRequirement.require();
		Path jdk = ChildJvm.JDK_25;
		Path app = Files.createDirectory(directory.resolve("app"));
		Process child = ChildJvm.start(ChildJvm.command(ChildJvm.java(jdk),
				List.of(ChildJvm.recordTo(directory.resolve("app.jfr"))),
				ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class, "--await-agent", AgentStatus.TRACING,
				"--await-stdin"), app);
		try (OutputStream childInput = child.getOutputStream()) {
			awaitLine(app.resolve("stdout.txt"), line -> line.contains("Started recording")); // attachable
			ChildJvm.Result first = attach(child.pid(), Files.createDirectory(directory.resolve("first")));
			assertEquals(0, first.exitStatus(), first::toString);
			awaitLine(app.resolve("stdout.txt"), "done");
			ChildJvm.Result second = attach(child.pid(), Files.createDirectory(directory.resolve("second")),
					"timestamp");

			assertEquals(0, second.exitStatus(), second::toString);
			assertEquals(List.of("tcptracer agent in " + child.pid() + ": tracing: pid " + child.pid() + " (loaded"
					+ " before; not loaded again, so its options stay and 'timestamp' was not applied)"),
					second.out(), second::toString);
			assertEquals(List.of(), second.err(), second::toString);
			childInput.write('\n');
			childInput.flush();
			ChildJvm.Result application = ChildJvm.finish(child, app);
			assertEquals(0, application.exitStatus(), application::toString);
			assertEquals(1, application.err().stream().filter(line -> line.contains("A Java agent has been loaded"
					+ " dynamically")).count(), application::toString);
		} finally {
			child.destroyForcibly();
		}
	}

	@Test
	void refusedWhereDynamicAgentsAreDisabled(@TempDir Path directory) throws Exception {
		Path java = ChildJvm.java(ChildJvm.JDK_25);
		Path app = Files.createDirectory(directory.resolve("app"));
		Process child = ChildJvm.start(ChildJvm.command(java, List.of("-XX:-EnableDynamicAgentLoading"),
				ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class, "--await-stdin"), app);
		try (OutputStream childInput = child.getOutputStream()) {
			awaitLine(app.resolve("stdout.txt"), "done");
			ChildJvm.Result attach = attach(child.pid(), Files.createDirectory(directory.resolve("attach")));
			assertEquals(1, attach.exitStatus(), attach::toString);
			assertEquals(1, attach.err().size(), attach::toString);
			assertTrue(attach.err().get(0).contains("refused the agent: Dynamic agent loading is not enabled"),
					attach::toString);
			childInput.write('\n');
		} finally {
			child.waitFor(AWAIT_SECONDS, TimeUnit.SECONDS);
			child.destroyForcibly();
		}
	}

	private static ChildJvm.Result attach(long pid, Path directory, String... options) throws Exception {
		List<String> command = new ArrayList<>(List.of(ChildJvm.java(Path.of(System.getProperty("java.home")))
				.toString(), "-jar", ChildJvm.JAR.toString(), "attach", Long.toString(pid)));
		command.addAll(List.of(options));
		return ChildJvm.run(command, directory);
	}

	private static void jcmd(Path jdk, long pid, Path directory, String... command) throws Exception {
		Path output = Files.createTempDirectory(directory, "jcmd");
		List<String> line = new java.util.ArrayList<>(List.of(ChildJvm.tool(jdk, "jcmd").toString(),
				Long.toString(pid)));
		line.addAll(List.of(command));
		ChildJvm.Result result = ChildJvm.run(line, output);
		assertEquals(0, result.exitStatus(), result::toString);
	}

	/** The BPF programs, maps and links the process holds (their anonymous-inode descriptors). */
	private static long bpfObjects(long pid) throws IOException {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			return descriptors.filter(fd -> {
				try {
					return Files.readSymbolicLink(fd).toString().startsWith("anon_inode:bpf");
				} catch (IOException closedMeanwhile) {
					return false;
				}
			}).count();
		}
	}

	/** No recording wants the events any more: the agent detaches everything. */
	private static void awaitNoBpfObjects(long pid) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
		while (bpfObjects(pid) > 0) {
			assertTrue(System.nanoTime() < deadline, "BPF objects left after the recording stopped");
			Thread.sleep(20);
		}
	}

	private static void awaitLine(Path file, String line) throws Exception {
		awaitLine(file, line::equals);
	}

	private static void awaitLine(Path file, Predicate<String> line) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
		while (Files.readAllLines(file).stream().noneMatch(line)) {
			assertTrue(System.nanoTime() < deadline, () -> "no such line in " + file);
			Thread.sleep(20);
		}
	}
}
