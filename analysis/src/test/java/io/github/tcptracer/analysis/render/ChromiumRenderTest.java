package io.github.tcptracer.analysis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tcptracer.analysis.testing.Reports;
import io.github.tcptracer.analysis.testing.Reports.Run;
import io.github.tcptracer.analysis.testing.RichRecording;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless Chromium (Debian's chromium) loads the HTML report without a console error or a
 * refused resource, and the charts are in the rendered page. Skipped when chromium is not
 * installed, unless CI=true: CI installs it.
 */
class ChromiumRenderTest {
	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser");
	private static final long TIMEOUT_SECONDS = 120;

	@TempDir
	Path dir;

	@Test
	void rendersWithoutErrorsAndWithItsCharts() throws Exception {
		String browser = browser();
		Path html = dir.resolve("report.html");
		Run run = Reports.command(RichRecording.write(dir.resolve("rich.jfr")).toString(), "--format", "html", "-o",
				html.toString());
		assertEquals(0, run.exitCode(), run.err());

		Path dom = dir.resolve("dom.html");
		Path log = dir.resolve("chromium.log");
		List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + Files.createDirectory(dir.resolve("profile")), "--enable-logging=stderr", "--v=0",
				"--dump-dom", html.toUri().toString()));
		Process chromium = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile())
				.start();
		if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			chromium.destroyForcibly();
			fail("chromium did not finish in " + TIMEOUT_SECONDS + " s");
		}
		String errors = Files.readString(log);
		assertEquals(0, chromium.exitValue(), errors);
		for (String line : errors.lines().toList()) {
			// Chromium logs its own complaints (no D-Bus in a container); the page's show as CONSOLE lines.
			assertTrue(!line.contains("CONSOLE") && !line.contains("Uncaught") && !line.contains("Refused to"), line);
		}
		String rendered = Files.readString(dom);
		for (String chart : List.of(HtmlRenderer.CHART_TIMELINE, HtmlRenderer.CHART_LIFETIMES,
				HtmlRenderer.CHART_ENDPOINTS)) {
			assertTrue(rendered.contains("id=\"" + chart + "\""), chart);
		}
		assertTrue(rendered.contains("<polyline"), "the timeline's lines");
		assertTrue(rendered.contains("<rect"), "the bars");
		assertTrue(rendered.contains("connection-churn"), "the findings");
	}

	private static String browser() {
		for (String name : BROWSERS) {
			for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
				if (Files.isExecutable(Path.of(dir, name))) {
					return Path.of(dir, name).toString();
				}
			}
		}
		if ("true".equals(System.getenv("CI"))) {
			fail("chromium is not installed, and CI=true requires this test to run");
		}
		assumeTrue(false, "chromium is not installed");
		return null;
	}
}
