package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.CaptureAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.capture.testing.EventCollector;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nested twin is attached unless the options leave it out (only the bench does, to measure what
 * it costs); without it the other programs still report every event of a connection. With the first
 * state-change program left out, which the kernel then in effect skips for every change, the twin
 * alone must report what the first would have: the changes it recovers when the kernel skips the
 * first nested on a CPU are rare and cannot be made to happen on demand.
 */
class NestedTwinTest {
	private static final String FIRST = "handle_set_state";
	private static final String TWIN = "handle_set_state_nested";

	@Test
	void theTwinIsAttachedByDefault() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF))) {
			assertEquals(List.of(FIRST, TWIN, "handle_accept4_exit", "handle_accept_exit"),
					tracer.attachedPrograms());
		}
	}

	@Test
	void withoutTheTwinAConnectionIsStillReportedWhole() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF).withNestedTwin(false))) {
			assertEquals(List.of(FIRST, "handle_accept4_exit", "handle_accept_exit"),
					tracer.attachedPrograms());
			int port;
			try (LoopbackPair pair = LoopbackPair.open(StandardProtocolFamily.INET, "127.0.0.1")) {
				port = pair.serverPort();
			}
			List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(port), atLeast(4),
					Duration.ofSeconds(5));
			assertEquals(4, events.size(), () -> "connect, accept and two closes expected: " + events);
			TcpEvent connect = single(events, TcpEventType.CONNECT);
			TcpEvent accept = single(events, TcpEventType.ACCEPT);
			assertEquals(connect.localPort(), accept.remotePort());
			assertEquals(2, ofType(events, TcpEventType.CLOSE).size());
		}
	}

	/** A tracer of this JVM without the first state-change program: the twin handles every change. */
	private static TcpTracer twinAlone() {
		return BpfRequirement.start(() -> TcpTracer.start(TraceOptions.all().withPid(SELF),
				BpfObject::forRunningKernel, program -> !program.equals(FIRST)));
	}

	@Test
	void theTwinAloneReportsEveryFamilyWhole() throws Exception {
		try (TcpTracer tracer = twinAlone()) {
			assertEquals(List.of(TWIN, "handle_accept4_exit", "handle_accept_exit"), tracer.attachedPrograms());
			List<TcpEvent> events = new ArrayList<>();
			for (Object[] family : new Object[][] {{StandardProtocolFamily.INET, "127.0.0.1", 4, "127.0.0.1"},
					{StandardProtocolFamily.INET6, "::1", 6, "::1"}, {null, "127.0.0.1", 6, "::ffff:127.0.0.1"}}) {
				List<TcpEvent> ofOne = LoopbackPair.eventsOfOne(tracer, (ProtocolFamily) family[0],
						(String) family[1], 4);
				assertWholeConnection(ofOne, (int) family[2], (String) family[3]);
				events.addAll(ofOne);
			}
			long fromStateChanges = events.stream().filter(e -> e.type() != TcpEventType.ACCEPT).count();
			assertTrue(tracer.recoveredChanges() >= fromStateChanges,
					() -> "each connect and close recovered by the twin, but it counts " + tracer.recoveredChanges());
			assertEquals(0, tracer.lostEvents(), "a recovered change is not lost");
		}
	}

	/** The softirq outcomes: a refused connect, and a reset that closes the other end. */
	@Test
	void theTwinAloneReportsAFailedConnectAndAResetClose() throws Exception {
		try (TcpTracer tracer = twinAlone()) {
			int closedPort = LoopbackPair.refusedConnect();
			List<TcpEvent> refused = new EventCollector(tracer).collect(onServerPort(closedPort), atLeast(1),
					Duration.ofSeconds(5));
			TcpEvent failed = single(refused, TcpEventType.CONNECT_FAILED);
			assertEquals(111, failed.error(), "ECONNREFUSED");
			assertEquals("refused", failed.command());

			int port;
			TcpEvent accept;
			try (LoopbackPair pair = LoopbackPair.open(StandardProtocolFamily.INET, "127.0.0.1")) {
				port = pair.serverPort();
				pair.resetClient();
				List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(port), atLeast(4),
						Duration.ofSeconds(5));
				accept = single(events, TcpEventType.ACCEPT);
				TcpEvent byReset = ofType(events, TcpEventType.CLOSE).stream().filter(e -> e.localPort() == port)
						.findFirst().orElseThrow(() -> new AssertionError("no close of the reset end: " + events));
				assertEquals(Attribution.CONNECTION_OWNER, byReset.attribution(), byReset::toString);
				assertEquals(104, byReset.error(), "ECONNRESET");
				assertEquals(accept.tid(), byReset.tid());
			}
			assertEquals(0, tracer.lostEvents());
		}
	}
}
