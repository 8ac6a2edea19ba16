package io.github.tcptracer.analysis.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.analysis.testing.Conn;
import io.github.tcptracer.analysis.testing.Reports;
import io.github.tcptracer.analysis.testing.RichRecording;
import io.github.tcptracer.analysis.testing.TestRecording;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report is one self-contained file; whether a browser renders it is ChromiumRenderTest's job. */
class HtmlRendererTest {
	@TempDir
	static Path dir;
	private static String html;

	@BeforeAll
	static void render() throws Exception {
		html = html(Reports.of(RichRecording.write(dir.resolve("rich.jfr"))));
	}

	@Test
	void hasTheCharts() {
		for (String chart : List.of(HtmlRenderer.CHART_TIMELINE, HtmlRenderer.CHART_LIFETIMES,
				HtmlRenderer.CHART_ENDPOINTS)) {
			assertTrue(html.contains("<svg id=\"" + chart + "\""), chart);
		}
	}

	@Test
	void needsNothingFromOutside() {
		for (String reference : List.of("<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import")) {
			assertFalse(html.contains(reference), reference);
		}
		// The only URL is the SVG namespace, a name that is never fetched.
		assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("://"), html);
		assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none';"));
	}

	@Test
	void escapesWhatTheRecordingSays() throws Exception {
		Path file = dir.resolve("hostile.jfr");
		try (TestRecording recording = new TestRecording()) {
			Conn conn = Conn.outbound("10.0.0.1", 80, 40_000).task(1, 2, "<script>x</scr");
			recording.connectAndClose(conn, 0, 1_000_000);
			recording.dump(file);
		}
		String hostile = html(Reports.of(file));
		assertFalse(hostile.contains("<script>"), hostile);
		assertTrue(hostile.contains("&lt;script&gt;x&lt;/scr"), hostile);
	}

	private static String html(io.github.tcptracer.analysis.model.TcpReport report) throws Exception {
		StringWriter out = new StringWriter();
		new HtmlRenderer().render(report, out);
		return out.toString();
	}
}
