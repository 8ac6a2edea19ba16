package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.CaptureAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.capture.testing.EventCollector;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connect, accept and close on IPv4, IPv6 and dual-stack sockets, and the -4/-6 filters. */
class SocketFamiliesTest {

	private List<TcpEvent> trace(TraceOptions options, ProtocolFamily family, String address, int expected)
			throws Exception {
		return trace(() -> TcpTracer.start(options.withPid(SELF)), family, address, expected);
	}

	private List<TcpEvent> trace(BpfRequirement.TracerStart start, ProtocolFamily family, String address,
			int expected) throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(start)) {
			int port;
			int clientPort;
			try (LoopbackPair pair = LoopbackPair.open(family, address)) {
				port = pair.serverPort();
				clientPort = pair.clientPort();
				pair.send(100);
			}
			List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(port), atLeast(expected),
					Duration.ofSeconds(expected == 0 ? 1 : 5));
			events.forEach(e -> assertTrue(e.localPort() == clientPort || e.remotePort() == clientPort,
					"event on another connection: " + e));
			return events;
		}
	}

	private void assertFourEvents(List<TcpEvent> events, int ipVersion, String address) {
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
		assertEquals(100, clientClose.bytesSent(), "client sent 100 bytes");
		assertEquals(100, serverClose.bytesReceived(), "server received 100 bytes");
		assertEquals(connect.timestampNanos(), clientClose.startNanos(), "client lifetime starts at connect");
		assertEquals(accept.timestampNanos(), serverClose.startNanos(), "server lifetime starts at accept");
		assertTrue(clientClose.lifetimeNanos() > 0 && clientClose.lifetimeNanos() < 5_000_000_000L);
	}

	@Test
	void ipv4() throws Exception {
		assertFourEvents(trace(TraceOptions.all(), StandardProtocolFamily.INET, "127.0.0.1", 4), 4, "127.0.0.1");
	}

	@Test
	void ipv6() throws Exception {
		assertFourEvents(trace(TraceOptions.all(), StandardProtocolFamily.INET6, "::1", 4), 6, "::1");
	}

	/** Java's default sockets are AF_INET6 talking to ::ffff:a.b.c.d; bcc loses their connects. */
	@Test
	void dualStackV4Mapped() throws Exception {
		assertFourEvents(trace(TraceOptions.all(), null, "127.0.0.1", 4), 6, "::ffff:127.0.0.1");
	}

	/** The build for kernels before 6.2 reads the accepted socket with probes instead of casts. */
	@Test
	void theBuildForKernelsBefore62ReportsEveryFamily() throws Exception {
		BpfRequirement.TracerStart start = () -> TcpTracer.start(TraceOptions.all().withPid(SELF),
				bpf -> BpfObject.PROBE_READS);
		assertFourEvents(trace(start, StandardProtocolFamily.INET, "127.0.0.1", 4), 4, "127.0.0.1");
		assertFourEvents(trace(start, StandardProtocolFamily.INET6, "::1", 4), 6, "::1");
		assertFourEvents(trace(start, null, "127.0.0.1", 4), 6, "::ffff:127.0.0.1");
	}

	@Test
	void ipv4OnlyKeepsIpv4() throws Exception {
		assertFourEvents(trace(TraceOptions.all().withIpVersion(4), StandardProtocolFamily.INET, "127.0.0.1", 4),
				4, "127.0.0.1");
	}

	@Test
	void ipv4OnlyDropsIpv6AndDualStack() throws Exception {
		assertEquals(List.of(), trace(TraceOptions.all().withIpVersion(4), StandardProtocolFamily.INET6, "::1", 0));
		assertEquals(List.of(), trace(TraceOptions.all().withIpVersion(4), null, "127.0.0.1", 0));
	}

	@Test
	void ipv6OnlyKeepsIpv6AndDualStack() throws Exception {
		assertFourEvents(trace(TraceOptions.all().withIpVersion(6), StandardProtocolFamily.INET6, "::1", 4), 6,
				"::1");
		assertFourEvents(trace(TraceOptions.all().withIpVersion(6), null, "127.0.0.1", 4), 6, "::ffff:127.0.0.1");
	}

	@Test
	void ipv6OnlyDropsIpv4() throws Exception {
		assertEquals(List.of(), trace(TraceOptions.all().withIpVersion(6), StandardProtocolFamily.INET, "127.0.0.1",
				0));
	}
}
