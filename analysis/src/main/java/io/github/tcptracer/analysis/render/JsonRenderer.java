package io.github.tcptracer.analysis.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.tcptracer.analysis.model.TcpReport;
import java.io.IOException;
import java.io.Writer;

/**
 * The report as JSON: the model records as they are, fields in declaration order, nulls kept so
 * that every document has the same shape. The schema is tcptracer-report.schema.json.
 */
public final class JsonRenderer implements ReportRenderer {
	private static final ObjectMapper MAPPER = new ObjectMapper()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

	@Override
	public void render(TcpReport report, Writer out) throws IOException {
		MAPPER.writeValue(out, report);
		out.write(System.lineSeparator());
	}
}
