package io.github.tcptracer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tcptracer.capture.TcpTracer;
import io.github.tcptracer.capture.TraceOptions;
import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.jfr.TcpEventNames;
import io.github.tcptracer.recorder.JfrFileSink;
import io.github.tcptracer.recorder.TraceLoopThread;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a file the recorder wrote while this JVM made {@link KnownTraffic}: the
 * report's numbers are those of the traffic, and its findings are churn, refused connects and a
 * reset exactly where the traffic made them.
 */
class RecorderFileReportTest {
	private static final int SELF = (int) ProcessHandle.current().pid();
	private static final String LOOPBACK = "127.0.0.1";
	/** Connections opened, to the churn, held and reset servers: each a connect and an accept. */
	private static final int OPENED = KnownTraffic.CHURNED + KnownTraffic.HELD + 1;

	@TempDir
	static Path dir;
	private static Path recording;
	private static KnownTraffic traffic;
	private static JsonReport report;

	@BeforeAll
	static void recordAndReport() throws Exception {
		recording = dir.resolve("tcp.jfr");
		try (KnownTraffic known = new KnownTraffic();
				TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF));
				TraceLoopThread loop = TraceLoopThread.start(tracer,
						JfrFileSink.open(recording, Duration.ofMillis(200)))) {
			known.run();
			traffic = known;
		}
		report = JsonReport.of(recording);
	}

	private static EndpointKey outbound(int port) {
		return EndpointKey.outbound(LOOPBACK, port);
	}

	@Test
	void everyEventIsCounted() {
		assertEquals(OPENED, report.number("/recording/eventsPerType/" + TcpEventNames.CONNECT));
		assertEquals(OPENED, report.number("/recording/eventsPerType/" + TcpEventNames.ACCEPT));
		assertEquals(2 * OPENED, report.number("/recording/eventsPerType/" + TcpEventNames.CLOSE));
		assertEquals(KnownTraffic.REFUSED, report.number("/recording/eventsPerType/" + TcpEventNames.CONNECT_FAILED));
		assertEquals(4 * OPENED + KnownTraffic.REFUSED, report.number("/recording/connectionEvents"));
		report.assertNothingLost();
	}

	@Test
	void outboundConnectsPerEndpoint() {
		assertEquals(OPENED, report.number("/outbound/connects"));
		assertEquals(KnownTraffic.REFUSED, report.number("/outbound/failedConnects"));
		Map<EndpointKey, List<Integer>> connectsAndFailures = Map.of(
				outbound(traffic.churnPort), List.of(KnownTraffic.CHURNED, 0),
				outbound(traffic.heldPort), List.of(KnownTraffic.HELD, 0),
				outbound(traffic.resetPort), List.of(1, 0),
				outbound(traffic.refusedPort), List.of(0, KnownTraffic.REFUSED));
		connectsAndFailures.forEach((endpoint, expected) -> {
			JsonNode entry = report.entry("/outbound/endpoints", endpoint);
			assertEquals(expected, List.of(entry.required("connects").asInt(),
					entry.required("failedConnects").asInt()), () -> "connects and failed connects to " + endpoint);
		});
		assertEquals(connectsAndFailures.size(), report.at("/outbound/endpoints").size());
		assertEquals(1, report.at("/outbound/processes").size());
		JsonNode process = report.at("/outbound/processes/0");
		assertEquals(List.of(SELF, OPENED),
				List.of(process.required("pid").asInt(), process.required("connects").asInt()));
	}

	@Test
	void refusedConnectsAreAFinding() {
		JsonNode refused = report.finding("failed-connects", outbound(traffic.refusedPort));
		assertEquals("{\"ECONNREFUSED\":" + KnownTraffic.REFUSED + "}", refused.required("errors").toString());
		assertEquals(KnownTraffic.REFUSED, refused.required("numbers").required("failed").asInt());
		assertEquals(KnownTraffic.REFUSED, refused.required("numbers").required("attempts").asInt());
	}

	@Test
	void acceptsPerListeningPort() {
		assertEquals(OPENED, report.number("/inbound/accepts"));
		assertEquals(KnownTraffic.CHURNED, report.accepts(traffic.churnPort));
		assertEquals(KnownTraffic.HELD, report.accepts(traffic.heldPort));
		assertEquals(1, report.accepts(traffic.resetPort));
		assertEquals(1, report.at("/inbound/peers").size());
		JsonNode peer = report.at("/inbound/peers/0");
		assertEquals(LOOPBACK, peer.required("address").asText());
		assertEquals(OPENED, peer.required("accepts").asInt());
	}

	@Test
	void lifetimesAreThoseTheTestMeasured() {
		assertEquals(2 * OPENED, report.number("/lifetimes/closed"));
		assertEquals(2 * OPENED, report.number("/lifetimes/withLifetime"));
		assertEquals(0, report.number("/lifetimes/closedUnseenOpen"));
		assertEquals(0, report.number("/lifetimes/supersededOpens"));
		assertEquals(0, report.number("/lifetimes/openAtEnd/connections"));
		assertLifetimesOfBothEnds(traffic.churnPort, KnownTraffic.CHURNED, traffic.churned);
		assertLifetimesOfBothEnds(traffic.heldPort, KnownTraffic.HELD, traffic.held);
		assertLifetimesOfBothEnds(traffic.resetPort, 1, traffic.reset);
		assertTrue(traffic.held.shortestNanos() >= KnownTraffic.HOLD.toNanos(), traffic.held::toString);
		long histogram = 0;
		for (JsonNode bin : report.at("/lifetimes/histogram")) {
			histogram += bin.required("count").asLong();
		}
		assertEquals(2 * OPENED, histogram);
	}

	/** The client's ends count under the server's address, the server's under its listening port. */
	private static void assertLifetimesOfBothEnds(int serverPort, int connections, LifetimeBounds bounds) {
		report.assertLifetimes(outbound(serverPort), connections, bounds);
		report.assertLifetimes(EndpointKey.inbound(serverPort), connections, bounds);
	}

	@Test
	void bytesOfTheHeldConnections() {
		int held = KnownTraffic.HELD;
		report.assertBytes(outbound(traffic.heldPort), held, held * KnownTraffic.SENT, held * KnownTraffic.ANSWERED);
		report.assertBytes(EndpointKey.inbound(traffic.heldPort), held, held * KnownTraffic.ANSWERED,
				held * KnownTraffic.SENT);
		report.assertBytes(outbound(traffic.churnPort), KnownTraffic.CHURNED, 0, 0);
		long both = (long) held * (KnownTraffic.SENT + KnownTraffic.ANSWERED);
		assertEquals(List.of(2L * OPENED, both, both), List.of(report.number("/bytes/closesWithBytes"),
				report.number("/bytes/bytesSent"), report.number("/bytes/bytesReceived")));
	}

	@Test
	void findingsAreChurnRefusalAndResetExactlyWhereTheyHappened() {
		assertEquals(List.of("connection-churn " + outbound(traffic.churnPort),
				"connection-resets " + EndpointKey.inbound(traffic.resetPort),
				"failed-connects " + outbound(traffic.refusedPort)), report.findings());

		JsonNode churn = report.finding("connection-churn", outbound(traffic.churnPort)).required("numbers");
		assertEquals(KnownTraffic.CHURNED, churn.required("connections").asInt());
		assertEquals(KnownTraffic.CHURNED, churn.required("closedWithLifetime").asInt());
		traffic.churned.assertHolds(churn.required("medianLifetimeNanos").asLong(), "median lifetime");
		// its connects spanned less than the churn took; a span under 1 s counts as 1 s
		double seconds = Math.max(1.0, traffic.churnNanos / 1e9);
		assertTrue(churn.required("connectionsPerSecond").asDouble() >= KnownTraffic.CHURNED / seconds,
				churn::toString);

		// the client's abort is an orderly close for the client; the server's end got the reset
		JsonNode reset = report.finding("connection-resets", EndpointKey.inbound(traffic.resetPort));
		assertEquals(List.of(1, 1), List.of(reset.required("numbers").required("resets").asInt(),
				reset.required("numbers").required("closes").asInt()));
	}

	@Test
	void theTextReportNamesTheChurn() {
		String text = JsonReport.text(recording);
		assertTrue(text.contains("connection-churn: " + KnownTraffic.CHURNED + " connections to "
				+ outbound(traffic.churnPort)), text);
	}
}
