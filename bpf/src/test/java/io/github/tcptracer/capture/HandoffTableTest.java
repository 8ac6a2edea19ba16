package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.CaptureAssertions.*;
import static io.github.tcptracer.capture.NamedThreads.onThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.capture.testing.EventCollector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel's connect handoff table: it holds a connect() caller from SYN_SENT until the
 * handshake's outcome, in a bounded table, and counts a connect it has no room for as lost.
 *
 * <p>Connects are held in SYN_SENT by a listener that never accepts: once its accept queue is
 * full (two connections for a backlog of 1), the kernel drops further SYNs.
 */
class HandoffTableTest {
	private static final int QUEUED = 2;
	/** HANDOFF_STALE_NS of tcptracer.bpf.c: longer than a handshake with the default retries. */
	private static final long STALE_NANOS = 300_000_000_000L;

	@Test
	void aConnectAwaitingItsHandshakeIsHeldUntilItsOutcome() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF));
				ServerSocketChannel server = listenerThatNeverAccepts()) {
			List<SocketChannel> pending = onThread("connector", () -> connectUntilPending(server, 3));
			int port = port(server);
			assertEquals(3, tracer.pendingConnects(), "the three connects in SYN_SENT are held");
			close(pending); // by this thread: the outcome names the connect() caller all the same
			assertEquals(0, tracer.pendingConnects(), "each outcome freed its slot");
			List<TcpEvent> failed = ofType(new EventCollector(tracer).collect(onServerPort(port),
					events -> ofType(events, TcpEventType.CONNECT_FAILED).size() >= 3, Duration.ofSeconds(10)),
					TcpEventType.CONNECT_FAILED);
			assertEquals(3, failed.size(), () -> "failed connects: " + failed);
			for (TcpEvent event : failed) {
				assertEquals("connector", event.command());
				assertTrue(event.handshakeNanos() > 0, () -> "SYN time kept: " + event);
			}
			assertEquals(0, tracer.lostEvents());
		}
	}

	@Test
	void aConnectFindingNoFreeSlotIsCountedLost() throws Exception {
		// Eight slots, and a sock looks in eight ways: exactly eight connects fit.
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF).withMaxConnections(8));
				ServerSocketChannel server = listenerThatNeverAccepts()) {
			List<SocketChannel> pending = onThread("connector", () -> connectUntilPending(server, 9));
			assertEquals(8, tracer.pendingConnects());
			assertEquals(1, tracer.lostEvents(), "the ninth connect cannot be reported");
			close(pending);
			assertEquals(0, tracer.pendingConnects());
			List<TcpEvent> failed = ofType(new EventCollector(tracer).collect(onServerPort(port(server)),
					events -> ofType(events, TcpEventType.CONNECT_FAILED).size() >= 8, Duration.ofSeconds(10)),
					TcpEventType.CONNECT_FAILED);
			assertEquals(8, failed.size(), () -> "failed connects: " + failed);
		}
	}

	/**
	 * A slot whose connect's outcome never came (both state-change programs skipped for it) is
	 * taken over once older than any handshake; a younger one is not, and the connect that finds
	 * no other slot is counted lost.
	 */
	@Test
	void aSlotLeftBehindIsTakenOverOnceStale() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF).withMaxConnections(8))) {
			tracer.fillHandoffTable(System.nanoTime() - STALE_NANOS - 1_000_000_000L);
			assertEquals(8, tracer.pendingConnects(), "all slots held");
			int port = connectAndClose();
			List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(port), atLeast(4),
					Duration.ofSeconds(5));
			assertEquals("connector", single(events, TcpEventType.CONNECT).command());
			assertEquals(0, tracer.lostEvents());
			assertEquals(7, tracer.pendingConnects(), "the connect's outcome freed the slot it took over");

			tracer.fillHandoffTable(System.nanoTime());
			int second = connectAndClose();
			List<TcpEvent> without = new EventCollector(tracer).collect(onServerPort(second), atLeast(3),
					Duration.ofSeconds(5));
			assertEquals(List.of(), ofType(without, TcpEventType.CONNECT), "no slot for this connect");
			assertEquals(1, tracer.lostEvents(), "the connect without a slot is counted lost");
		}
	}

	/** One connection from a thread named "connector", accepted and closed; returns the server port. */
	private static int connectAndClose() throws Exception {
		try (ServerSocketChannel server = ServerSocketChannel.open()) {
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			onThread("connector", () -> {
				try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
						SocketChannel accepted = server.accept()) {
					return null;
				}
			});
			return port(server);
		}
	}

	@Test
	void slotsAreThePowerOfTwoAtOrAboveTheBound() {
		assertEquals(8, TcpTracer.handoffSlots(1));
		assertEquals(8, TcpTracer.handoffSlots(8));
		assertEquals(16, TcpTracer.handoffSlots(9));
		assertEquals(65536, TcpTracer.handoffSlots(TraceOptions.DEFAULT_MAX_CONNECTIONS));
		assertEquals(131072, TcpTracer.handoffSlots(65537));
		assertEquals(TraceOptions.MAX_CONNECTIONS_LIMIT, TcpTracer.handoffSlots(TraceOptions.MAX_CONNECTIONS_LIMIT));
	}

	private static ServerSocketChannel listenerThatNeverAccepts() throws IOException {
		ServerSocketChannel server = ServerSocketChannel.open();
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
		return server;
	}

	private static int port(ServerSocketChannel server) throws IOException {
		return ((InetSocketAddress) server.getLocalAddress()).getPort();
	}

	/**
	 * Connects one at a time until {@code count} stay in SYN_SENT; the first {@link #QUEUED} fill
	 * the accept queue. Returns all sockets (queued first).
	 */
	private static List<SocketChannel> connectUntilPending(ServerSocketChannel server, int count)
			throws IOException, InterruptedException {
		List<SocketChannel> sockets = new ArrayList<>();
		int pending = 0;
		while (pending < count) {
			SocketChannel socket = SocketChannel.open();
			sockets.add(socket);
			socket.configureBlocking(false);
			socket.connect(server.getLocalAddress());
			if (!finishesWithin(socket, 300)) {
				pending++;
			} else if (sockets.size() > QUEUED) {
				throw new AssertionError("connect " + sockets.size() + " completed: the accept queue was not full");
			}
		}
		assertEquals(QUEUED + count, sockets.size(), "queued connects, then pending ones");
		return sockets;
	}

	private static boolean finishesWithin(SocketChannel socket, long millis) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + millis * 1_000_000;
		while (System.nanoTime() < deadline) {
			if (socket.finishConnect()) {
				return true;
			}
			Thread.sleep(5);
		}
		return false;
	}

	private static void close(List<SocketChannel> sockets) throws IOException {
		for (SocketChannel socket : sockets) {
			socket.close();
		}
	}
}
