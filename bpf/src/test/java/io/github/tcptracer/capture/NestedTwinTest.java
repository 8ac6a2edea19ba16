package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.CaptureAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.capture.testing.EventCollector;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nested twin is attached unless the options leave it out (only the bench does, to measure what
 * it costs); without it the other programs still report every event of a connection.
 */
class NestedTwinTest {
	private static final String TWIN = "handle_set_state_nested";

	@Test
	void theTwinIsAttachedByDefault() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF))) {
			assertEquals(List.of("handle_set_state", TWIN, "handle_accept4_exit", "handle_accept_exit"),
					tracer.attachedPrograms());
		}
	}

	@Test
	void withoutTheTwinAConnectionIsStillReportedWhole() throws Exception {
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF).withNestedTwin(false))) {
			assertEquals(List.of("handle_set_state", "handle_accept4_exit", "handle_accept_exit"),
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
}
