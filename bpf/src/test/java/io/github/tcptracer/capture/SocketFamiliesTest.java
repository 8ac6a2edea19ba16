package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.CaptureAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tcptracer.capture.testing.BpfRequirement;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
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
			return LoopbackPair.eventsOfOne(tracer, family, address, expected);
		}
	}

	@Test
	void ipv4() throws Exception {
		assertWholeConnection(trace(TraceOptions.all(), StandardProtocolFamily.INET, "127.0.0.1", 4), 4, "127.0.0.1");
	}

	@Test
	void ipv6() throws Exception {
		assertWholeConnection(trace(TraceOptions.all(), StandardProtocolFamily.INET6, "::1", 4), 6, "::1");
	}

	/** Java's default sockets are AF_INET6 talking to ::ffff:a.b.c.d; bcc loses their connects. */
	@Test
	void dualStackV4Mapped() throws Exception {
		assertWholeConnection(trace(TraceOptions.all(), null, "127.0.0.1", 4), 6, "::ffff:127.0.0.1");
	}

	/** The build for kernels before 6.2 reads the accepted socket with probes instead of casts. */
	@Test
	void theBuildForKernelsBefore62ReportsEveryFamily() throws Exception {
		BpfRequirement.TracerStart start = () -> TcpTracer.start(TraceOptions.all().withPid(SELF),
				bpf -> BpfObject.PROBE_READS);
		assertWholeConnection(trace(start, StandardProtocolFamily.INET, "127.0.0.1", 4), 4, "127.0.0.1");
		assertWholeConnection(trace(start, StandardProtocolFamily.INET6, "::1", 4), 6, "::1");
		assertWholeConnection(trace(start, null, "127.0.0.1", 4), 6, "::ffff:127.0.0.1");
	}

	@Test
	void ipv4OnlyKeepsIpv4() throws Exception {
		assertWholeConnection(trace(TraceOptions.all().withIpVersion(4), StandardProtocolFamily.INET, "127.0.0.1", 4),
				4, "127.0.0.1");
	}

	@Test
	void ipv4OnlyDropsIpv6AndDualStack() throws Exception {
		assertEquals(List.of(), trace(TraceOptions.all().withIpVersion(4), StandardProtocolFamily.INET6, "::1", 0));
		assertEquals(List.of(), trace(TraceOptions.all().withIpVersion(4), null, "127.0.0.1", 0));
	}

	@Test
	void ipv6OnlyKeepsIpv6AndDualStack() throws Exception {
		assertWholeConnection(trace(TraceOptions.all().withIpVersion(6), StandardProtocolFamily.INET6, "::1", 4), 6,
				"::1");
		assertWholeConnection(trace(TraceOptions.all().withIpVersion(6), null, "127.0.0.1", 4), 6, "::ffff:127.0.0.1");
	}

	@Test
	void ipv6OnlyDropsIpv4() throws Exception {
		assertEquals(List.of(), trace(TraceOptions.all().withIpVersion(6), StandardProtocolFamily.INET, "127.0.0.1",
				0));
	}
}
