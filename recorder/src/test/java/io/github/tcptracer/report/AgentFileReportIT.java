package io.github.tcptracer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tcptracer.agent.ChildJvm;
import io.github.tcptracer.agent.ExpectedTraffic;
import io.github.tcptracer.agent.LoopbackTraffic;
import io.github.tcptracer.analysis.findings.ChurnThresholds;
import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.jfr.TcpEventNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report of a JVM's own recording made with the agent: {@link LoopbackTraffic} in a child JVM
 * under {@code -javaagent -XX:StartFlightRecording}, whose recording also holds the thousands of
 * events the JVM records of itself. The report's numbers are those of the child's connections, and
 * it finds churn exactly when the child churned.
 */
class AgentFileReportIT {
	/** Java's default, dual-stack (AF_INET6) sockets: loopback as a v4-mapped address. */
	private static final String LOOPBACK = "::ffff:127.0.0.1";
	private static final long CHURN = ChurnThresholds.DEFAULT.minConnections();

	@BeforeAll
	static void bpf() {
		BpfRequirement.require();
	}

	@ParameterizedTest(name = "{0} connections")
	@ValueSource(ints = {3, 120})
	void reportHoldsTheChildsConnections(int connections, @TempDir Path directory) throws Exception {
		Path recording = directory.resolve("app.jfr");
		long started = System.nanoTime();
		Process child = ChildJvm.start(ChildJvm.command(ChildJvm.java(Path.of(System.getProperty("java.home"))),
				List.of(ChildJvm.agentOption(null), ChildJvm.recordTo(recording)), ChildJvm.TEST_CLASSES.toString(),
				LoopbackTraffic.class, "--await-agent", ChildJvm.TRACING,
				"--connections", Integer.toString(connections)), directory);
		ChildJvm.Result result = ChildJvm.finish(child, directory);
		// every connection lived within the child's life
		LifetimeBounds bounds = LifetimeBounds.atMost(System.nanoTime() - started);
		assertEquals(0, result.exitStatus(), result::toString);
		ExpectedTraffic traffic = new ExpectedTraffic(result.out());
		assertEquals(connections, traffic.connections(), result::toString);
		// the recording holds exactly the child's events: what the report reads is known to be right
		traffic.assertRecorded(recording, child.pid(), 6, LOOPBACK);

		JsonReport report = JsonReport.of(recording);
		assertCounts(report, connections, traffic.serverPort(), child.pid());
		EndpointKey outbound = EndpointKey.outbound(LOOPBACK, traffic.serverPort());
		EndpointKey inbound = EndpointKey.inbound(traffic.serverPort());
		report.assertLifetimes(outbound, connections, bounds);
		report.assertLifetimes(inbound, connections, bounds);
		// one byte each way per connection
		report.assertBytes(outbound, connections, connections, connections);
		report.assertBytes(inbound, connections, connections, connections);
		report.assertNothingLost();

		// the child's connections are opened one after another and live for milliseconds: fast and short
		// enough for churn, so their number alone decides it
		boolean churned = connections >= CHURN;
		assertEquals(churned ? List.of("connection-churn " + outbound) : List.of(), report.findings());
		if (churned) {
			JsonNode churn = report.finding("connection-churn", outbound).required("numbers");
			assertEquals(connections, churn.required("connections").asInt());
			assertEquals(connections, churn.required("closedWithLifetime").asInt());
			bounds.assertHolds(churn.required("medianLifetimeNanos").asLong(), "median lifetime");
		}
		assertEquals(churned, JsonReport.text(recording).contains("connection-churn"));
	}

	private static void assertCounts(JsonReport report, int connections, int serverPort, long pid) {
		long others = 0;
		for (Map.Entry<String, JsonNode> type : report.at("/recording/eventsPerType").properties()) {
			others += type.getKey().startsWith(TcpEventNames.NAMESPACE + ".") ? 0 : type.getValue().asLong();
		}
		assertTrue(others >= 1000, () -> "the JVM's own events: " + report.at("/recording/eventsPerType"));
		assertEquals(4 * connections, report.number("/recording/connectionEvents"));

		assertEquals(connections, report.number("/outbound/connects"));
		assertEquals(0, report.number("/outbound/failedConnects"));
		JsonNode endpoint = report.entry("/outbound/endpoints", EndpointKey.outbound(LOOPBACK, serverPort));
		assertEquals(connections, endpoint.required("connects").asInt());
		assertEquals(1, report.at("/outbound/threads").size());
		JsonNode thread = report.at("/outbound/threads/0");
		assertEquals(List.of(pid, LoopbackTraffic.CLIENT_THREAD, (long) connections), List.of(
				thread.required("pid").asLong(), thread.required("command").asText(),
				thread.required("connects").asLong()));

		assertEquals(connections, report.number("/inbound/accepts"));
		assertEquals(connections, report.accepts(serverPort));

		assertEquals(2 * connections, report.number("/lifetimes/closed"));
		assertEquals(2 * connections, report.number("/lifetimes/withLifetime"));
		assertEquals(0, report.number("/lifetimes/openAtEnd/connections"));
	}
}
