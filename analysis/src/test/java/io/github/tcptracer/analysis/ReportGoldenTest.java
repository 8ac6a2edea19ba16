package io.github.tcptracer.analysis;

import static io.github.tcptracer.analysis.testing.TestRecording.BASE_EPOCH_MILLIS;
import static io.github.tcptracer.analysis.testing.TestRecording.MS;
import static io.github.tcptracer.analysis.testing.TestRecording.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.analysis.model.EndpointBytes;
import io.github.tcptracer.analysis.model.EndpointLifetimes;
import io.github.tcptracer.analysis.model.EndpointRef;
import io.github.tcptracer.analysis.model.Finding;
import io.github.tcptracer.analysis.model.HistogramBin;
import io.github.tcptracer.analysis.model.OutboundEndpoint;
import io.github.tcptracer.analysis.model.TcpReport;
import io.github.tcptracer.analysis.testing.Reports;
import io.github.tcptracer.analysis.testing.RichRecording;
import io.github.tcptracer.jfr.TcpEventNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of {@link RichRecording}, checked against what the recording did. */
class ReportGoldenTest {
	@TempDir
	static Path dir;
	private static TcpReport report;

	@BeforeAll
	static void report() throws Exception {
		report = Reports.of(RichRecording.write(dir.resolve("rich.jfr")));
	}

	@Test
	void recordingCountsEventsAndWhatWasLost() {
		var recording = report.recording();
		assertEquals(376, recording.connectionEvents());
		assertEquals(165, recording.eventsPerType().get(TcpEventNames.CONNECT));
		assertEquals(20, recording.eventsPerType().get(TcpEventNames.ACCEPT));
		assertEquals(184, recording.eventsPerType().get(TcpEventNames.CLOSE));
		assertEquals(7, recording.eventsPerType().get(TcpEventNames.CONNECT_FAILED));
		assertEquals(2, recording.eventsPerType().get(TcpEventNames.STATISTICS));
		assertEquals(2, recording.statisticsEvents());
		assertEquals(RichRecording.LOST, recording.lostEvents());
		assertEquals(RichRecording.DROPPED, recording.droppedEvents());
		assertNotNull(recording.warning());
		assertTrue(recording.warning().contains("5 events"), recording.warning());
		assertEquals(BASE_EPOCH_MILLIS, recording.firstEventEpochMillis());
		assertEquals(BASE_EPOCH_MILLIS + 16_000, recording.lastEventEpochMillis());
		assertNotNull(recording.startEpochMillis());
		assertTrue(recording.durationMillis() >= 0);
	}

	@Test
	void outboundCountsPerEndpointWithTheRecordedHostName() {
		assertEquals(165, report.outbound().connects());
		assertEquals(7, report.outbound().failedConnects());
		Map<String, OutboundEndpoint> endpoints = byLabel(report.outbound().endpoints(),
				e -> e.endpoint().label());
		assertEquals(5, endpoints.size());
		OutboundEndpoint churn = endpoints.get("127.0.0.1:5432 (localhost)");
		assertEquals(150, churn.connects());
		assertEquals("localhost", churn.endpoint().host());
		assertEquals(4, endpoints.get("10.0.0.2:443").connects());
		assertEquals(0, endpoints.get("10.0.0.3:6379").connects());
		assertEquals(7, endpoints.get("10.0.0.3:6379").failedConnects());
		assertEquals(10, endpoints.get("10.0.0.4:80").connects());
		assertEquals(1, endpoints.get("[2001:db8:1234:5678:9abc:def0:1234:5678]:8443").connects());
		assertEquals("127.0.0.1:5432 (localhost)", report.outbound().endpoints().get(0).endpoint().label());
	}

	@Test
	void outboundCountsPerProcessAndThreadAndTheirRate() {
		assertEquals(1, report.outbound().processes().size());
		assertEquals(165, report.outbound().processes().get(0).connects());
		assertEquals("client", report.outbound().processes().get(0).command());
		assertEquals(1, report.outbound().threads().size());
		assertEquals(4243, report.outbound().threads().get(0).tid());
		// Seconds 0, 1, 2, 3 and 5 each have 10 churn connects and 2 more: the earliest is the peak.
		assertEquals(12, report.outbound().rate().peakPerSecond());
		assertEquals(BASE_EPOCH_MILLIS, report.outbound().rate().peakEpochMillis());
		assertEquals(165 / 16.0, report.outbound().rate().averagePerSecond(), 1e-9);
	}

	@Test
	void inboundCountsPerListeningPortAndPeer() {
		assertEquals(20, report.inbound().accepts());
		assertEquals(1, report.inbound().listeningPorts().size());
		assertEquals(RichRecording.LISTENING_PORT, report.inbound().listeningPorts().get(0).port());
		assertEquals(20, report.inbound().listeningPorts().get(0).accepts());
		assertEquals(2, report.inbound().peers().size());
		assertEquals(RichRecording.PEER_A.address(), report.inbound().peers().get(0).address());
		assertEquals(12, report.inbound().peers().get(0).accepts());
		assertEquals(8, report.inbound().peers().get(1).accepts());
	}

	@Test
	void timelineBucketsEverySecond() {
		assertEquals(1000, report.timeline().bucketMillis());
		assertEquals(BASE_EPOCH_MILLIS, report.timeline().startEpochMillis());
		assertEquals(17, report.timeline().connects().size());
		assertEquals(165, report.timeline().connects().stream().mapToLong(Long::longValue).sum());
		assertEquals(20, report.timeline().accepts().stream().mapToLong(Long::longValue).sum());
		assertEquals(2, report.timeline().accepts().get(0));
	}

	@Test
	void lifetimePercentilesPerEndpoint() {
		Map<String, EndpointLifetimes> lifetimes = byLabel(report.lifetimes().endpoints(), e -> e.endpoint().label());
		EndpointLifetimes churn = lifetimes.get("127.0.0.1:5432 (localhost)");
		assertEquals(150, churn.connections());
		assertLifetime(RichRecording.CHURN_LIFETIME, churn.p50Nanos());
		assertLifetime(RichRecording.CHURN_LIFETIME, churn.maxNanos());
		EndpointLifetimes pooled = lifetimes.get("10.0.0.2:443");
		assertEquals(3, pooled.connections());
		assertLifetime(12 * S, pooled.p50Nanos());
		assertLifetime(14 * S, pooled.p90Nanos());
		assertLifetime(14 * S, pooled.p99Nanos());
		assertLifetime(14 * S, pooled.maxNanos());
		EndpointLifetimes inbound = lifetimes.get("listening :8080");
		assertEquals("inbound", inbound.endpoint().direction());
		assertEquals(20, inbound.connections());
		assertLifetime(300 * MS, inbound.p99Nanos());
		assertEquals(184, report.lifetimes().closed());
		assertEquals(184, report.lifetimes().withLifetime());
		assertEquals(0, report.lifetimes().closedUnseenOpen());
	}

	@Test
	void lifetimeHistogramHasEveryClosedConnection() {
		List<Long> counts = report.lifetimes().histogram().stream().map(HistogramBin::count).toList();
		// under 100 us, 1 ms, 10 ms, 100 ms, 1 s, 10 s, 1 min, 10 min, 1 h, longer
		assertEquals(List.of(0L, 0L, 150L, 0L, 30L, 1L, 3L, 0L, 0L, 0L), counts);
	}

	@Test
	void connectionsStillOpenAtTheEnd() {
		assertEquals(1, report.lifetimes().openAtEnd().connections());
		var open = report.lifetimes().openAtEnd().endpoints().get(0);
		assertEquals("10.0.0.2:443", open.endpoint().label());
		assertEquals(1, open.open());
		assertEquals(BASE_EPOCH_MILLIS + 5000, open.oldestOpenedEpochMillis());
	}

	@Test
	void findingsWithTheNumbersBehindThem() {
		Map<String, List<Finding>> byId = report.findings().stream()
				.collect(Collectors.groupingBy(Finding::id));
		assertEquals(List.of(Finding.LOST_EVENTS, Finding.CHURN, Finding.FAILED_CONNECTS, Finding.RESETS),
				report.findings().stream().map(Finding::id).distinct().toList());

		Finding lost = byId.get(Finding.LOST_EVENTS).get(0);
		assertEquals(Finding.WARNING, lost.severity());
		assertEquals(3L, lost.numbers().get("lostEvents"));
		assertEquals(2L, lost.numbers().get("droppedEvents"));

		List<Finding> churn = byId.get(Finding.CHURN);
		assertEquals(1, churn.size());
		assertEquals("localhost", churn.get(0).endpoint().host());
		assertEquals(150L, churn.get(0).numbers().get("connections"));
		assertEquals(RichRecording.CHURN_LIFETIME, churn.get(0).numbers().get("medianLifetimeNanos"));
		assertEquals(150 / 14.9, (double) churn.get(0).numbers().get("connectionsPerSecond"), 1e-9);
		assertEquals(Finding.WARNING, churn.get(0).severity());

		Finding failed = byId.get(Finding.FAILED_CONNECTS).get(0);
		assertEquals("10.0.0.3:6379", failed.endpoint().label());
		assertEquals(7L, failed.numbers().get("failed"));
		assertEquals(7L, failed.numbers().get("attempts"));
		assertEquals(Map.of("ECONNREFUSED", 6L, "ETIMEDOUT", 1L), failed.errors());
		assertEquals(Finding.WARNING, failed.severity());

		Finding resets = byId.get(Finding.RESETS).get(0);
		assertEquals("10.0.0.4:80", resets.endpoint().label());
		assertEquals(4L, resets.numbers().get("resets"));
		assertEquals(10L, resets.numbers().get("closes"));
		// 40% of closes, but four resets are not yet five: information, not a warning.
		assertEquals(Finding.INFO, resets.severity());
	}

	@Test
	void bytesPerEndpointFromCloseEvents() {
		assertEquals(184, report.bytes().closesWithBytes());
		assertEquals(115_500, report.bytes().bytesSent());
		assertEquals(168_200, report.bytes().bytesReceived());
		Map<String, EndpointBytes> bytes = byLabel(report.bytes().endpoints(), e -> e.endpoint().label());
		assertEquals(new EndpointBytes(new EndpointRef("inbound", null, 8080, null), 20, 100_000, 14_000),
				bytes.get("listening :8080"));
		assertEquals(10, bytes.get("10.0.0.4:80").closes());
		assertEquals(100, bytes.get("10.0.0.4:80").bytesSent());
		assertEquals(200, bytes.get("10.0.0.4:80").bytesReceived());
	}

	private static void assertLifetime(long expectedNanos, long actualNanos) {
		// The close events carry the lifetime, so it is exact; a microsecond of slack all the same.
		assertEquals(expectedNanos, actualNanos, 1_000);
	}

	private static <T> Map<String, T> byLabel(List<T> rows, Function<T, String> label) {
		return rows.stream().collect(Collectors.toMap(label, Function.identity()));
	}

}
