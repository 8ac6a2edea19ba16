package io.github.tcptracer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tcptracer.analysis.testing.ReportSchema;
import io.github.tcptracer.analysis.testing.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * {@code tcptracer report --format json} of a test's recording, read with Jackson, and looked up
 * the way the golden tests compare it with what they did. It must match
 * tcptracer-report.schema.json, whose names the lookups use; a name it does not have fails the
 * lookup instead of reading as 0.
 */
final class JsonReport {
	private static final ObjectMapper JSON = new ObjectMapper();
	/** More than any test recording has: the lookups must see every endpoint, not the ten biggest. */
	private static final String TOP = "1000";

	private final JsonNode root;

	private JsonReport(JsonNode root) {
		this.root = root;
	}

	/** Runs the report as the command line does; it must succeed without a word on stderr. */
	static JsonReport of(Path recording) throws IOException {
		Reports.Run run = Reports.command(recording.toString(), "--format", "json", "--top", TOP);
		assertEquals(0, run.exitCode(), run::err);
		assertEquals("", run.err());
		JsonNode root = JSON.readTree(run.out());
		assertEquals(Set.of(), ReportSchema.validate(root), "where the report breaks its schema");
		return new JsonReport(root);
	}

	/** The default text report, which must be written too. */
	static String text(Path recording) {
		Reports.Run run = Reports.command(recording.toString());
		assertEquals(0, run.exitCode(), run::err);
		return run.out();
	}

	/** The integer at a JSON pointer such as {@code /outbound/connects}. */
	long number(String pointer) {
		JsonNode node = root.at(pointer);
		assertTrue(node.isIntegralNumber(), () -> pointer + " is not an integer: " + node);
		return node.asLong();
	}

	JsonNode at(String pointer) {
		JsonNode node = root.at(pointer);
		assertTrue(!node.isMissingNode(), () -> "the report has no " + pointer);
		return node;
	}

	/** The one entry for {@code endpoint} in a list of entries with an endpoint, e.g. /bytes/endpoints. */
	JsonNode entry(String list, EndpointKey endpoint) {
		return one(list, item -> endpoint.equals(EndpointKey.of(item.required("endpoint"))), endpoint.toString());
	}

	/** The one finding of this id about this endpoint. */
	JsonNode finding(String id, EndpointKey endpoint) {
		return one("/findings", finding -> finding.required("id").asText().equals(id)
				&& endpoint.equals(EndpointKey.of(finding.required("endpoint"))), id + " " + endpoint);
	}

	/** Every finding as "id endpoint", sorted: to compare with the findings a test expects. */
	List<String> findings() {
		return items("/findings").stream()
				.map(finding -> finding.required("id").asText() + " " + EndpointKey.of(finding.required("endpoint")))
				.sorted().toList();
	}

	/** Accepts on a local listening port, from /inbound/listeningPorts. */
	long accepts(int listeningPort) {
		return one("/inbound/listeningPorts", item -> item.required("port").asInt() == listeningPort,
				"port " + listeningPort).required("accepts").asLong();
	}

	/** The tracer's statistics are in the recording and count nothing lost or dropped. */
	void assertNothingLost() {
		assertTrue(number("/recording/statisticsEvents") > 0, "no statistics events");
		assertEquals(0, number("/recording/lostEvents"));
		assertEquals(0, number("/recording/droppedEvents"));
		assertTrue(at("/recording/warning").isNull(), () -> at("/recording/warning").asText());
	}

	/** The endpoint's lifetime entry: all its connections, every percentile within the bounds. */
	void assertLifetimes(EndpointKey endpoint, int connections, LifetimeBounds bounds) {
		JsonNode lifetimes = entry("/lifetimes/endpoints", endpoint);
		assertEquals(connections, lifetimes.required("connections").asInt(), () -> "lifetimes of " + endpoint);
		for (String field : List.of("p50Nanos", "p90Nanos", "p99Nanos", "maxNanos")) {
			bounds.assertHolds(lifetimes.required(field).asLong(), endpoint + " " + field);
		}
	}

	/** The endpoint's bytes entry: closes with byte counts, and the bytes summed over them. */
	void assertBytes(EndpointKey endpoint, long closes, long sent, long received) {
		JsonNode bytes = entry("/bytes/endpoints", endpoint);
		assertEquals(List.of(closes, sent, received), List.of(bytes.required("closes").asLong(),
				bytes.required("bytesSent").asLong(), bytes.required("bytesReceived").asLong()),
				() -> "closes, bytes sent and received of " + endpoint);
	}

	/** The one item of a list that matches; {@code what} names it when there is none, or more. */
	private JsonNode one(String list, Predicate<JsonNode> matches, String what) {
		List<JsonNode> matching = items(list).stream().filter(matches).toList();
		assertEquals(1, matching.size(), () -> what + " in " + list + ": " + at(list));
		return matching.get(0);
	}

	private List<JsonNode> items(String list) {
		JsonNode array = at(list);
		assertTrue(array.isArray(), () -> list + " is not a list");
		return StreamSupport.stream(array.spliterator(), false).toList();
	}
}
