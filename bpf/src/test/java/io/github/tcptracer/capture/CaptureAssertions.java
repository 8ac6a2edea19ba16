package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;

/** Shared look-ups over collected events. */
final class CaptureAssertions {
	private CaptureAssertions() {
	}

	static final int SELF = (int) ProcessHandle.current().pid();

	/** Events of this JVM on a connection with the given server port (either side). */
	static Predicate<TcpEvent> onServerPort(int port) {
		return e -> e.localPort() == port || e.remotePort() == port;
	}

	static List<TcpEvent> ofType(List<TcpEvent> events, TcpEventType type) {
		return events.stream().filter(e -> e.type() == type).toList();
	}

	static TcpEvent single(List<TcpEvent> events, TcpEventType type) {
		List<TcpEvent> matching = ofType(events, type);
		assertEquals(1, matching.size(), () -> "one " + type + " expected in " + events);
		return matching.get(0);
	}

	static Predicate<List<TcpEvent>> atLeast(int count) {
		return events -> events.size() >= count;
	}

	/**
	 * The four events of one {@link LoopbackPair#eventsOfOne} connection of this JVM, exactly: its
	 * connect, accept and two closes, their addresses, ports, times, lifetimes and bytes.
	 */
	static void assertWholeConnection(List<TcpEvent> events, int ipVersion, String address) {
		assertEquals(4, events.size(), () -> "connect, accept and two closes expected: " + events);
		TcpEvent connect = single(events, TcpEventType.CONNECT);
		TcpEvent accept = single(events, TcpEventType.ACCEPT);
		List<TcpEvent> closes = ofType(events, TcpEventType.CLOSE);
		assertEquals(2, closes.size());
		for (TcpEvent e : events) {
			assertEquals(ipVersion, e.ipVersion(), e::toString);
			assertEquals(address, e.localAddress(), e::toString);
			assertEquals(address, e.remoteAddress(), e::toString);
			assertEquals(SELF, e.pid(), e::toString);
			assertEquals(Attribution.CALLER, e.attribution(), e::toString);
		}
		assertEquals(connect.localPort(), accept.remotePort());
		assertEquals(accept.localPort(), connect.remotePort());
		// The connect's time is the kernel's clock reading for the SYN-ACK: after the SYN, before
		// the accept (which needed the ACK that answered it).
		assertTrue(connect.handshakeNanos() > 0, "handshake time measured");
		assertTrue(connect.timestampNanos() < accept.timestampNanos(), "connected before accepted");
		TcpEvent clientClose = closes.stream().filter(e -> e.localPort() == connect.localPort()).findFirst()
				.orElseThrow();
		TcpEvent serverClose = closes.stream().filter(e -> e.localPort() == accept.localPort()).findFirst()
				.orElseThrow();
		assertEquals(LoopbackPair.BYTES_SENT, clientClose.bytesSent(), "client sent its bytes");
		assertEquals(LoopbackPair.BYTES_SENT, serverClose.bytesReceived(), "server received them");
		assertEquals(connect.timestampNanos(), clientClose.startNanos(), "client lifetime starts at connect");
		assertEquals(accept.timestampNanos(), serverClose.startNanos(), "server lifetime starts at accept");
		assertTrue(clientClose.lifetimeNanos() > 0 && clientClose.lifetimeNanos() < 5_000_000_000L);
	}
}
