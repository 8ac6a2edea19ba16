package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.CaptureAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.capture.testing.ChildJvm;
import io.github.tcptracer.capture.testing.Commands;
import io.github.tcptracer.capture.testing.EventCollector;
import io.github.tcptracer.capture.testing.ProcessTree;
import io.github.tcptracer.capture.testing.WorldReadableClassPath;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** In-kernel filters: -p, -N, --cgroupmap, --mntnsmap, with processes and namespaces the tests make. */
class FilterTest {

	/** Accepts and closes connections in the background for the child processes to connect to. */
	private static ServerSocket acceptingServer() throws Exception {
		ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(() -> {
			while (!server.isClosed()) {
				try (Socket socket = server.accept()) {
					socket.getInputStream().readAllBytes();
				} catch (Exception e) {
					// closed at the end of the test
				}
			}
		}, "filter-test-acceptor");
		thread.setDaemon(true);
		thread.start();
		return server;
	}

	private static List<TcpEvent> collect(TcpTracer tracer, int port, int expected) throws Exception {
		return new EventCollector(tracer).collect(onServerPort(port), atLeast(expected),
				Duration.ofSeconds(expected == 0 ? 1 : 5));
	}

	private static void assertConnectAndCloseOf(List<TcpEvent> events, long pid, String clientPort) {
		assertEquals(2, events.size(), () -> "the child's connect and close only: " + events);
		TcpEvent connect = single(events, TcpEventType.CONNECT);
		TcpEvent close = single(events, TcpEventType.CLOSE);
		for (TcpEvent e : List.of(connect, close)) {
			assertEquals(pid, e.pid(), e::toString);
			assertEquals(Integer.parseInt(clientPort), e.localPort(), e::toString);
		}
	}

	/** The uid is the task's: a child running as nobody connects and closes. */
	@Test
	void eventsNameTheUidOfTheTaskThatMadeThem() throws Exception {
		try (WorldReadableClassPath classPath = WorldReadableClassPath.of(ChildJvm.class);
				ServerSocket server = acceptingServer();
				ChildJvm nobody = ChildJvm.startWithClassPath(classPath.classPath(), "setpriv", "--reuid=65534",
						"--regid=65534", "--clear-groups")) {
			int port = server.getLocalPort();
			try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid((int) nobody.pid()))) {
				String clientPort = nobody.send("connect 127.0.0.1 " + port)[0];
				List<TcpEvent> events = collect(tracer, port, 2);
				assertConnectAndCloseOf(events, nobody.pid(), clientPort);
				events.forEach(e -> assertEquals(65534, e.uid(), e::toString));
			}
		}
	}

	@Test
	void pidKeepsOneProcessAndDropsAnother() throws Exception {
		try (ServerSocket server = acceptingServer(); ChildJvm kept = ChildJvm.start(); ChildJvm dropped = ChildJvm.start()) {
			int port = server.getLocalPort();
			try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid((int) kept.pid()))) {
				String keptPort = kept.send("connect 127.0.0.1 " + port)[0];
				dropped.send("connect 127.0.0.1 " + port);
				assertConnectAndCloseOf(collect(tracer, port, 2), kept.pid(), keptPort);
			}
		}
	}

	/**
	 * In a PID namespace (a container) a process knows itself by that namespace's numbers: pid 1,
	 * for the first. Two such processes, each pid 1 in its own namespace: the namespace tells them
	 * apart, and the events number the kept one as it numbers itself.
	 */
	@Test
	void pidInAPidNamespaceKeepsThatNamespacesProcess() throws Exception {
		String[] ownNamespace = { "unshare", "--pid", "--kill-child", "--mount-proc" };
		try (ServerSocket server = acceptingServer(); ChildJvm kept = ChildJvm.start(ownNamespace);
				ChildJvm dropped = ChildJvm.start(ownNamespace); ChildJvm host = ChildJvm.start()) {
			int port = server.getLocalPort();
			assertEquals(1, kept.pid(), "the first process of its namespace");
			long keptHere = ProcessTree.onlyChild(kept.startedPid()); // unshare's one child: the JVM
			PidNamespace namespace = PidNamespace.of(Path.of("/proc", Long.toString(keptHere), "ns", "pid"));
			try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(1).withPidNamespace(namespace))) {
				String keptPort = kept.send("connect 127.0.0.1 " + port)[0];
				dropped.send("connect 127.0.0.1 " + port);
				host.send("connect 127.0.0.1 " + port);
				List<TcpEvent> events = collect(tracer, port, 2);
				assertConnectAndCloseOf(events, 1, keptPort);
				events.forEach(e -> assertTrue(e.tid() > 1 && e.tid() < 1000, () -> "a tid of the new namespace: " + e));
			}
		}
	}

	@Test
	void networkNamespaceKeepsOnlyItsSockets() throws Exception {
		String name = "tcpt-" + UUID.randomUUID().toString().substring(0, 8);
		Commands.run("ip", "netns", "add", name);
		try {
			Commands.run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
			long inode = (Long) Files.getAttribute(Path.of("/run/netns", name), "unix:ino");
			try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withNetworkNamespace(inode));
					ChildJvm inside = ChildJvm.start("ip", "netns", "exec", name);
					LoopbackPair outside = LoopbackPair.open(null, "127.0.0.1")) {
				String[] ports = inside.send("pair 127.0.0.1");
				int listenPort = Integer.parseInt(ports[1]);
				List<TcpEvent> events = collect(tracer, listenPort, 4);
				assertEquals(4, events.size(), () -> "connect, accept, two closes in the namespace: " + events);
				events.forEach(e -> {
					assertEquals(inode, e.networkNamespace(), e::toString);
					assertEquals(inside.pid(), e.pid(), e::toString);
				});
				assertEquals(List.of(), collect(tracer, outside.serverPort(), 0), "root namespace filtered out");
			}
		} finally {
			Commands.run("ip", "netns", "delete", name);
		}
	}

	@Test
	void cgroupMapKeepsTasksOfListedCgroupsAndSeesNewEntriesAtOnce() throws Exception {
		Path cgroup = CgroupV2.root().resolve("tcptracer-test-" + UUID.randomUUID().toString().substring(0, 8));
		Files.createDirectory(cgroup);
		Path map = PinnedMaps.create("cgroup", 8, 8);
		try (ServerSocket server = acceptingServer(); ChildJvm child = ChildJvm.start()) {
			int port = server.getLocalPort();
			Files.writeString(cgroup.resolve("cgroup.procs"), Long.toString(child.pid()));
			long cgroupId = (Long) Files.getAttribute(cgroup, "unix:ino");
			try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withCgroupMap(map))) {
				child.send("connect 127.0.0.1 " + port);
				assertEquals(List.of(), collect(tracer, port, 0), "empty map: nothing passes");

				PinnedMaps.put(map, cgroupId, 8);
				String clientPort = child.send("connect 127.0.0.1 " + port)[0];
				try (Socket outsider = new Socket(InetAddress.getLoopbackAddress(), port)) {
					assertTrue(outsider.isConnected());
				}
				assertConnectAndCloseOf(collect(tracer, port, 2), child.pid(), clientPort);
			}
			Files.writeString(CgroupV2.root().resolve("cgroup.procs"), Long.toString(child.pid()));
		} finally {
			Files.deleteIfExists(map);
			Files.deleteIfExists(cgroup);
		}
	}

	@Test
	void mountNamespaceMapKeepsTasksOfListedNamespaces() throws Exception {
		Path map = PinnedMaps.create("mntns", 8, 4);
		try (ServerSocket server = acceptingServer(); ChildJvm child = ChildJvm.start("unshare", "--mount")) {
			int port = server.getLocalPort();
			long namespace = (Long) Files.getAttribute(Path.of("/proc", Long.toString(child.pid()), "ns", "mnt"),
					"unix:ino");
			PinnedMaps.put(map, namespace, 4);
			try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withMountNamespaceMap(map))) {
				String clientPort = child.send("connect 127.0.0.1 " + port)[0];
				try (Socket outsider = new Socket(InetAddress.getLoopbackAddress(), port)) {
					assertTrue(outsider.isConnected());
				}
				assertConnectAndCloseOf(collect(tracer, port, 2), child.pid(), clientPort);
			}
		} finally {
			Files.deleteIfExists(map);
		}
	}

	@Test
	void missingOrWrongMapIsAOneLineError() throws Exception {
		BpfRequirement.require();
		Path missing = Path.of("/sys/fs/bpf/tcptracer-test-missing");
		CaptureException error = org.junit.jupiter.api.Assertions.assertThrows(CaptureException.class,
				() -> TcpTracer.start(TraceOptions.all().withCgroupMap(missing)).close());
		assertEquals("--cgroupmap: " + missing + ": no pinned BPF map there", error.getMessage());

		Path wrong = PinnedMaps.create("wrong", 4, 8);
		try {
			CaptureException wrongType = org.junit.jupiter.api.Assertions.assertThrows(CaptureException.class,
					() -> TcpTracer.start(TraceOptions.all().withMountNamespaceMap(wrong)).close());
			assertTrue(wrongType.getMessage().startsWith("--mntnsmap: " + wrong + ": wrong map type"),
					wrongType.getMessage());
			assertTrue(!wrongType.getMessage().contains("\n"));
		} finally {
			Files.deleteIfExists(wrong);
		}
	}

	/** Where cgroup v2 is mounted: /sys/fs/cgroup on unified hosts, /sys/fs/cgroup/unified on hybrid ones. */
	static final class CgroupV2 {
		static Path root() throws Exception {
			for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
				String[] fields = line.split(" ");
				if (fields[2].equals("cgroup2")) {
					return Path.of(fields[1]);
				}
			}
			throw new IllegalStateException("no cgroup2 mount");
		}
	}

	/** Pinned hash maps made with bpftool, as bcc's documentation tells users to. */
	static final class PinnedMaps {
		static Path create(String role, int keySize, int valueSize) throws Exception {
			Path bpffs = Path.of("/sys/fs/bpf");
			if (!Commands.run("stat", "-f", "-c", "%T", bpffs.toString()).strip().equals("bpf_fs")) {
				Commands.run("mount", "-t", "bpf", "bpf", bpffs.toString());
			}
			Path path = bpffs.resolve("tcptracer-test-" + role + "-" + UUID.randomUUID().toString().substring(0, 8));
			Commands.run("bpftool", "map", "create", path.toString(), "type", "hash", "key",
					Integer.toString(keySize), "value", Integer.toString(valueSize), "entries", "128", "name",
					"test_" + role, "flags", "0");
			return path;
		}

		static void put(Path map, long key, int valueSize) throws Exception {
			List<String> command = new ArrayList<>(List.of("bpftool", "map", "update", "pinned", map.toString(),
					"key", "hex"));
			command.addAll(List.of(Commands.hexLittleEndian(key, 8)));
			command.addAll(List.of("value", "hex"));
			command.addAll(List.of(Commands.hexLittleEndian(0, valueSize)));
			command.add("any");
			Commands.run(command.toArray(String[]::new));
		}
	}
}
