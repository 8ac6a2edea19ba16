package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.CaptureAssertions.*;
import static io.github.tcptracer.capture.NamedThreads.onThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.capture.testing.EventCollector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Which task an event names, in the cases where the kernel runs it in someone else's context. */
class AttributionTest {

	@Test
	void manyThreadsManyConnectionsExactlyOnceEach() throws Exception {
		int threads = 6;
		int perThread = 150;
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF));
				ServerSocket server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress())) {
			int port = server.getLocalPort();
			Thread acceptor = new Thread(() -> {
				try {
					for (int i = 0; i < threads * perThread; i++) {
						server.accept().close();
					}
				} catch (IOException e) {
					// the test's counts will show it
				}
			}, "acceptor");
			acceptor.start();
			ExecutorService clients = Executors.newFixedThreadPool(threads);
			List<Future<Set<Integer>>> ports = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String name = "client-" + t;
				ports.add(clients.submit(() -> {
					Thread.currentThread().setName(name);
					Set<Integer> mine = new HashSet<>();
					for (int i = 0; i < perThread; i++) {
						try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
							mine.add(socket.getLocalPort());
						}
					}
					return mine;
				}));
			}
			List<Set<Integer>> portsByThread = new ArrayList<>();
			for (Future<Set<Integer>> f : ports) {
				portsByThread.add(f.get());
			}
			clients.shutdown();
			acceptor.join(30_000);
			int total = threads * perThread;
			List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(port), atLeast(4 * total),
					Duration.ofSeconds(20));

			List<TcpEvent> connects = ofType(events, TcpEventType.CONNECT);
			List<TcpEvent> accepts = ofType(events, TcpEventType.ACCEPT);
			List<TcpEvent> closes = ofType(events, TcpEventType.CLOSE);
			assertEquals(total, connects.size(), "connects");
			assertEquals(total, accepts.size(), "accepts");
			assertEquals(2 * total, closes.size(), "closes");
			assertEquals(4 * total, events.size(), "nothing else");
			assertEquals(total, connects.stream().map(TcpEvent::localPort).distinct().count(), "no duplicates");
			for (int t = 0; t < threads; t++) {
				Set<Integer> mine = portsByThread.get(t);
				String name = "client-" + t;
				Set<Integer> tids = new HashSet<>();
				for (TcpEvent connect : connects) {
					if (mine.contains(connect.localPort())) {
						assertEquals(name, connect.command(), "connect attributed to its thread");
						tids.add(connect.tid());
					}
				}
				assertEquals(1, tids.size(), "one tid per client thread");
			}
			accepts.forEach(a -> assertEquals("acceptor", a.command()));
			assertConnectBeforeClose(events);
			assertEquals(0, tracer.lostEvents());
			assertEquals(0, trackedAfterConnectionsEnd(tracer), "no connection state outlives its connection");
		}
	}

	/**
	 * Each CPU has its own ring, and the SYN-ACK (connect) and the close are often handled on
	 * different CPUs: the merged stream must still deliver a connection's connect before its close.
	 */
	private static void assertConnectBeforeClose(List<TcpEvent> events) {
		Set<Integer> connected = new HashSet<>();
		for (TcpEvent event : events) {
			if (event.type() == TcpEventType.CONNECT) {
				connected.add(event.localPort());
			} else if (event.type() == TcpEventType.CLOSE && event.command().startsWith("client-")
					&& !connected.contains(event.localPort())) {
				throw new AssertionError("close delivered before its connect: " + event);
			}
		}
	}

	/** bcc's kretprobe misses an accept() that was already waiting when tracing started. */
	@Test
	void acceptAlreadyBlockingWhenTracingStartsIsReported() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			int port = server.getLocalPort();
			ExecutorService acceptor = Executors.newSingleThreadExecutor(r -> new Thread(r, "early-acceptor"));
			Future<Socket> accepted = acceptor.submit(server::accept);
			Thread.sleep(100); // blocked in accept() before the programs are attached
			try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF));
					Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
				accepted.get().close();
				List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(port), atLeast(2),
						Duration.ofSeconds(5));
				assertEquals("early-acceptor", single(events, TcpEventType.ACCEPT).command());
			} finally {
				acceptor.shutdown();
			}
		}
	}

	/** The close event comes when the connection leaves ESTABLISHED: at shutdown(), once. */
	@Test
	void shutdownIsTheCloseAndCloseAfterItAddsNone() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF));
				LoopbackPair pair = LoopbackPair.open(StandardProtocolFamily.INET, "127.0.0.1")) {
			int port = pair.serverPort();
			onThread("shutter", () -> pair.client.shutdownOutput());
			List<TcpEvent> afterShutdown = new EventCollector(tracer).collect(onServerPort(port), atLeast(3),
					Duration.ofSeconds(5));
			TcpEvent close = single(afterShutdown, TcpEventType.CLOSE);
			assertEquals("shutter", close.command());
			assertEquals(pair.clientPort(), close.localPort());
			pair.client.close();
			pair.accepted.close();
			List<TcpEvent> later = new EventCollector(tracer).collect(onServerPort(port), atLeast(1),
					Duration.ofSeconds(5));
			assertEquals(1, later.size(), () -> "only the server's close: " + later);
			assertEquals(port, single(later, TcpEventType.CLOSE).localPort());
		}
	}

	/**
	 * The state held once the test's connections have ended: the kernel's pending connects (each
	 * freed at its handshake's outcome) and the connections user space paired (each freed at its
	 * close event). On a loaded machine loopback drops packets and retransmissions back off for
	 * seconds, so wait for that (a leak never drains) and show the sockets if it stays.
	 */
	private static int trackedAfterConnectionsEnd(TcpTracer tracer) throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (tracer.trackedConnections() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		int tracked = tracer.trackedConnections();
		if (tracked > 0) {
			System.err.println("still tracked: " + tracked + "; connections not yet closed:\n"
					+ io.github.tcptracer.capture.testing.Commands.run("ss", "-tanp", "state", "all"));
		}
		return tracked;
	}

	@Test
	void refusedConnectGivesFailureNoConnectNoStateLeft() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF))) {
			int closedPort = LoopbackPair.refusedConnect();
			List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(closedPort), atLeast(1),
					Duration.ofSeconds(5));
			TcpEvent failed = single(events, TcpEventType.CONNECT_FAILED);
			assertEquals(1, events.size(), () -> "only the failure: " + events);
			assertEquals(111, failed.error(), "ECONNREFUSED");
			assertEquals("refused", failed.command());
			assertEquals(0, trackedAfterConnectionsEnd(tracer), "a failed connect leaves no map entry");
		}
	}

	/**
	 * A connection reset while it waits in the accept queue: its close is over before accept()
	 * returns it, so the accept carries the reset and leaves no connection state behind.
	 */
	@Test
	void acceptOfAConnectionAlreadyResetLeavesNoState() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF));
				ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			int port = server.getLocalPort();
			server.setSoTimeout(5000);
			onThread("resetter", () -> {
				try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
					client.setSoLinger(true, 0);
				}
				return null;
			});
			Thread.sleep(100); // the reset reaches the queued connection
			try (Socket accepted = onThread("late-acceptor", server::accept)) {
				List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(port),
						list -> list.stream().anyMatch(e -> e.type() == TcpEventType.ACCEPT), Duration.ofSeconds(5));
				TcpEvent accept = single(events, TcpEventType.ACCEPT);
				assertEquals("late-acceptor", accept.command());
				assertEquals(104, accept.error(), "ECONNRESET");
				assertEquals(0, trackedAfterConnectionsEnd(tracer), "the reset connection is not remembered");
			}
		}
	}

	@Test
	void resetCloseIsAttributedToTheAcceptingOwner() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF));
				ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			int port = server.getLocalPort();
			Socket client = onThread("resetter", () -> new Socket(InetAddress.getLoopbackAddress(), port));
			Socket accepted = onThread("acceptor", server::accept);
			onThread("resetter", () -> {
				client.setSoLinger(true, 0);
				client.close();
				return null;
			});
			List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(port), atLeast(4),
					Duration.ofSeconds(5));
			accepted.close();
			List<TcpEvent> closes = ofType(events, TcpEventType.CLOSE);
			assertEquals(2, closes.size(), () -> "two closes: " + events);
			TcpEvent byClient = closes.stream().filter(e -> e.remotePort() == port).findFirst().orElseThrow();
			TcpEvent byReset = closes.stream().filter(e -> e.localPort() == port).findFirst().orElseThrow();
			assertEquals(Attribution.CALLER, byClient.attribution());
			assertEquals("resetter", byClient.command());
			assertEquals(0, byClient.error());
			// The reset is processed in softirq on top of the resetting thread: it must not be named.
			assertEquals(Attribution.CONNECTION_OWNER, byReset.attribution());
			assertEquals("acceptor", byReset.command());
			assertEquals(104, byReset.error(), "ECONNRESET");
			assertEquals(single(events, TcpEventType.ACCEPT).tid(), byReset.tid());
		}
	}

	@Test
	void closeByThePeerFirst() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF));
				LoopbackPair pair = LoopbackPair.open(StandardProtocolFamily.INET, "127.0.0.1")) {
			int port = pair.serverPort();
			pair.send(1000);
			pair.accepted.close(); // server closes first: ESTABLISHED -> FIN_WAIT1
			Thread.sleep(50); // the client reaches CLOSE_WAIT
			pair.client.close(); // CLOSE_WAIT -> LAST_ACK
			List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(port), atLeast(4),
					Duration.ofSeconds(5));
			List<TcpEvent> closes = ofType(events, TcpEventType.CLOSE);
			assertEquals(2, closes.size(), () -> "two closes: " + events);
			TcpEvent server = closes.stream().filter(e -> e.localPort() == port).findFirst().orElseThrow();
			TcpEvent client = closes.stream().filter(e -> e.remotePort() == port).findFirst().orElseThrow();
			assertTrue(server.timestampNanos() < client.timestampNanos(), "server closed first");
			assertEquals(1000, server.bytesReceived());
			assertEquals(1000, client.bytesSent());
			assertEquals(0, client.bytesReceived(), "the server's FIN is not data");
			assertEquals(Attribution.CALLER, client.attribution());
			assertEquals(Attribution.CALLER, server.attribution());
		}
	}
}
