package io.github.tcptracer.analysis.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.analysis.model.TcpReport;
import io.github.tcptracer.analysis.testing.Reports;
import io.github.tcptracer.analysis.testing.RichRecording;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text report reads in an 80-column terminal, laid out as the golden file shows. */
class TextRendererTest {
	private static final String GOLDEN = "src/test/resources/golden/rich-report.txt";

	@TempDir
	static Path dir;
	private static String text;

	@BeforeAll
	static void render() throws Exception {
		TcpReport report = Reports.of(RichRecording.write(dir.resolve("rich.jfr")));
		StringWriter out = new StringWriter();
		new TextRenderer().render(report, out);
		text = out.toString();
	}

	/**
	 * The whole report, but for what differs from run to run: the file's name, when it was recorded,
	 * and how many JDK socket events the loopback traffic made. Run with -Dgolden.update=true to
	 * rewrite the file after an intended change, and review the diff.
	 */
	@Test
	void matchesTheGoldenFile() throws Exception {
		String stable = text.lines()
				.map(line -> line.startsWith("  Files ") ? "  Files         (test file)" : line)
				.map(line -> line.startsWith("  Recorded ") ? "  Recorded      (when the test ran)" : line)
				.map(line -> line.startsWith("  other (") ? "  other (JDK socket events)" : line)
				.collect(Collectors.joining("\n", "", "\n"));
		Path golden = Path.of(System.getProperty("basedir", "."), GOLDEN);
		if (Boolean.getBoolean("golden.update")) {
			Files.writeString(golden, stable);
		}
		assertEquals(Files.readString(golden), stable);
	}

	@Test
	void noLineIsWiderThan80Columns() {
		text.lines().forEach(line -> assertTrue(line.length() <= 80, line.length() + ": " + line));
	}

	@Test
	void hasEverySectionInOrder() {
		int at = 0;
		for (String heading : List.of("Recording", "Findings", "Outbound: 165 connects, 7 failed",
				"Inbound: 20 accepts", "Lifetimes: 184 closed, 1 still open at the end", "Bytes: ")) {
			int found = text.indexOf("\n" + heading, at);
			assertTrue(found > at, heading);
			at = found;
		}
	}

	@Test
	void saysPlainlyWhatWasLost() {
		assertTrue(text.contains("WARNING: The tracer missed 5 events (3 lost in the kernel, 2 dropped in user"),
				text);
	}

	@Test
	void aLongIpv6EndpointIsShortenedInTheMiddleKeepingItsPort() {
		assertTrue(text.contains("[2001:db8:1234:5678:9abc:def0:1234:5678]:8443"), text);
		assertTrue(text.lines().anyMatch(line -> line.contains("..") && line.contains("]:8443")), text);
	}

	@Test
	void tablesShortenTheFirstColumnToFit() {
		Table table = new Table(Column.left("Endpoint"), Column.right("Count"))
				.row("x".repeat(100) + ":443", "1")
				.row("short", "22");
		List<String> lines = TextTable.lines(table, "  ", 40);
		assertEquals(List.of(
				"  Endpoint                         Count",
				"  xxxxxxxxxxxxxxx..xxxxxxxxxx:443      1",
				"  short                               22"), lines);
		lines.forEach(line -> assertEquals(40, line.length()));
	}
}
