package io.github.tcptracer.analysis.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** tcptracer-report.schema.json, read from the jar as users get it, for tests that hold reports to it. */
public final class ReportSchema {
	private static final String RESOURCE = "/io/github/tcptracer/analysis/model/tcptracer-report.schema.json";
	private static final JsonNode DOCUMENT = load();
	private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
			.getSchema(DOCUMENT);

	private ReportSchema() {
	}

	public static JsonNode document() {
		return DOCUMENT;
	}

	/** What in {@code report} breaks the schema; empty when it conforms. */
	public static Set<ValidationMessage> validate(JsonNode report) {
		return SCHEMA.validate(report);
	}

	private static JsonNode load() {
		try (InputStream in = ReportSchema.class.getResourceAsStream(RESOURCE)) {
			return new ObjectMapper().readTree(in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
