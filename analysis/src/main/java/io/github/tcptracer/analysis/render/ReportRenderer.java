package io.github.tcptracer.analysis.render;

import io.github.tcptracer.analysis.model.TcpReport;
import java.io.IOException;
import java.io.Writer;

/** Lays a report out in one format. */
public interface ReportRenderer {
	void render(TcpReport report, Writer out) throws IOException;
}
