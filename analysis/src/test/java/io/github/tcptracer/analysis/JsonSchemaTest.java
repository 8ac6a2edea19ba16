package io.github.tcptracer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.github.tcptracer.analysis.model.TcpReport;
import io.github.tcptracer.analysis.testing.ReportSchema;
import io.github.tcptracer.analysis.testing.Reports;
import io.github.tcptracer.analysis.testing.Reports.Run;
import io.github.tcptracer.analysis.testing.RichRecording;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON format is what tcptracer-report.schema.json says, field for field (the schema allows no
 * other properties), and the schema documents every field.
 */
class JsonSchemaTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path dir;
	private static JsonNode rich;

	@BeforeAll
	static void load() throws Exception {
		rich = json(RichRecording.write(dir.resolve("rich.jfr")));
	}

	@Test
	void aFullReportMatchesTheSchema() {
		assertEquals(Set.of(), ReportSchema.validate(rich));
		// Every list has entries, so every item schema was tried.
		for (String list : List.of("/outbound/endpoints", "/outbound/processes", "/outbound/threads",
				"/inbound/listeningPorts", "/inbound/peers", "/lifetimes/histogram", "/lifetimes/endpoints",
				"/lifetimes/openAtEnd/endpoints", "/findings", "/bytes/endpoints", "/timeline/connects")) {
			assertFalse(rich.at(list).isEmpty(), list);
		}
		List<String> ids = new ArrayList<>();
		rich.at("/findings").forEach(finding -> ids.add(finding.get("id").asText()));
		assertTrue(ids.containsAll(List.of("connection-churn", "failed-connects", "connection-resets",
				"lost-events")), ids.toString());
	}

	@Test
	void aReportWithoutTcpEventsMatchesTheSchema() throws Exception {
		Path file = dir.resolve("empty.jfr");
		try (Recording recording = new Recording()) {
			recording.start();
			recording.stop();
			recording.dump(file);
		}
		JsonNode empty = json(file);
		assertEquals(Set.of(), ReportSchema.validate(empty));
		assertEquals(0, empty.at("/recording/connectionEvents").asInt());
	}

	@Test
	void theSchemaRejectsAFieldItDoesNotDocument() {
		ObjectNode changed = rich.deepCopy();
		((ObjectNode) changed.at("/outbound/rate")).put("peakPerMinute", 1);
		Set<ValidationMessage> errors = ReportSchema.validate(changed);
		assertEquals(1, errors.size(), errors.toString());
	}

	@Test
	void theSchemaVersionIsTheModelsVersion() {
		assertEquals(TcpReport.SCHEMA_VERSION, rich.get("schemaVersion").asInt());
		assertEquals(TcpReport.SCHEMA_VERSION, ReportSchema.document().at("/properties/schemaVersion/const").asInt());
	}

	@Test
	void everyFieldIsDocumented() {
		List<String> undocumented = new ArrayList<>();
		collectUndocumented(ReportSchema.document(), "", undocumented);
		assertEquals(List.of(), undocumented);
	}

	/**
	 * Every entry of every "properties" map has a description or is a $ref to a documented definition;
	 * the conditions of "if" only select, they define nothing.
	 */
	private static void collectUndocumented(JsonNode node, String path, List<String> undocumented) {
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectUndocumented(node.get(i), path + "/" + i, undocumented);
			}
		}
		if (!node.isObject()) {
			return;
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (field.getKey().equals("if")) {
				continue;
			}
			if (field.getKey().equals("properties")) {
				field.getValue().fields().forEachRemaining(property -> {
					JsonNode definition = property.getValue();
					if (!definition.has("description") && !definition.has("$ref")) {
						undocumented.add(path + "/properties/" + property.getKey());
					}
				});
			}
			collectUndocumented(field.getValue(), path + "/" + field.getKey(), undocumented);
		}
	}

	private static JsonNode json(Path file) throws Exception {
		Run run = Reports.command(file.toString(), "--format", "json", "--top", "100");
		assertEquals(0, run.exitCode(), run.err());
		return JSON.readTree(run.out());
	}
}
