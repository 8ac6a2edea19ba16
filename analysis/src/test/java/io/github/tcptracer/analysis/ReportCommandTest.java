package io.github.tcptracer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.analysis.testing.Conn;
import io.github.tcptracer.analysis.testing.Reports;
import io.github.tcptracer.analysis.testing.Reports.Run;
import io.github.tcptracer.analysis.testing.TestRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: its outputs, and one clear line and a failing exit code for a bad file. */
class ReportCommandTest {
	@TempDir
	static Path dir;
	private static Path recording;

	@BeforeAll
	static void record() throws Exception {
		recording = dir.resolve("small.jfr");
		try (TestRecording r = new TestRecording()) {
			r.connectAndClose(Conn.outbound("10.0.0.1", 80, 40_000), 0, 5_000_000);
			r.dump(recording);
		}
	}

	@Test
	void writesEachFormatToStandardOutputOrAFile() throws Exception {
		Run text = Reports.command(recording.toString());
		assertEquals(0, text.exitCode(), text.err());
		assertTrue(text.out().startsWith("tcptracer report"), text.out());
		assertTrue(text.out().contains("10.0.0.1:80"), text.out());

		Run json = Reports.command(recording.toString(), "--format", "json");
		assertEquals(0, json.exitCode());
		assertTrue(json.out().trim().startsWith("{"), json.out());

		Path html = dir.resolve("report.html");
		Run toFile = Reports.command(recording.toString(), "--format", "html", "-o", html.toString());
		assertEquals(0, toFile.exitCode(), toFile.err());
		assertEquals("", toFile.out());
		assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
	}

	@Test
	void aFileThatIsNotARecording() throws Exception {
		Path file = Files.writeString(dir.resolve("notes.jfr"), "these are not the events you are looking for");
		assertOneLineFailure(Reports.command(file.toString()), "notes.jfr: not a JFR recording");
	}

	@Test
	void anEmptyFile() throws Exception {
		Path file = Files.createFile(dir.resolve("empty.jfr"));
		assertOneLineFailure(Reports.command(file.toString()), "empty.jfr: empty file, not a JFR recording");
	}

	@Test
	void aMissingFile() {
		assertOneLineFailure(Reports.command(dir.resolve("gone.jfr").toString()), "gone.jfr: no such file");
	}

	/**
	 * A SIGKILL while the recorder appends a chunk cuts it short: the whole chunks before it are
	 * reported on, and one warning says what was left out and how to cut the file for jfr.
	 */
	@Test
	void aRecordingWhoseLastChunkIsCutShort() throws Exception {
		Path second = dir.resolve("second.jfr");
		try (TestRecording r = new TestRecording()) {
			r.connectAndClose(Conn.outbound("10.0.0.2", 443, 40_001), 0, 5_000_000);
			r.dump(second);
		}
		byte[] first = Files.readAllBytes(recording);
		byte[] next = Files.readAllBytes(second);
		byte[] both = Arrays.copyOf(first, first.length + next.length - 10);
		System.arraycopy(next, 0, both, first.length, next.length - 10);
		Path killed = Files.write(dir.resolve("killed.jfr"), both);

		Run run = Reports.command(killed.toString());
		assertEquals(0, run.exitCode(), run.err());
		assertTrue(run.out().contains("10.0.0.1:80"), run.out());
		assertTrue(!run.out().contains("10.0.0.2:443"), "the cut chunk is not read");
		assertEquals("tcptracer report: warning: " + killed + ": truncated JFR recording: chunk 2 (at byte "
				+ first.length + ") is cut short; the report covers the 1 whole chunk before it (for jfr, cut the"
				+ " file to them: truncate -s " + first.length + " " + killed + ")\n", run.err());
	}

	@Test
	void neverWritesOverARecordingItReads() throws Exception {
		Path copy = Files.copy(recording, dir.resolve("copy.jfr"));
		byte[] before = Files.readAllBytes(copy);
		Run run = Reports.command(copy.toString(), "-o", dir.resolve(".").resolve("copy.jfr").toString());
		assertOneLineFailure(run, "is one of the recordings to read; not writing over it");
		assertTrue(Arrays.equals(before, Files.readAllBytes(copy)), "the recording is unchanged");
	}

	@Test
	void saysWhyItCannotWriteTheReport() {
		Path missing = dir.resolve("missing").resolve("report.txt");
		assertOneLineFailure(Reports.command(recording.toString(), "-o", missing.toString()),
				"cannot write " + missing + ": no such directory " + missing.getParent());
		assertOneLineFailure(Reports.command(recording.toString(), "-o", "/dev/full"),
				"cannot write /dev/full: No space left on device");
	}

	/** A report cut short by a full disk is not left behind as if it were whole. */
	@Test
	void removesAReportItCouldNotFinish() throws Exception {
		Path full = Files.createDirectory(dir.resolve("full"));
		Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4k", "tcptracer-test", full.toString())
				.inheritIO().start();
		assertEquals(0, mount.waitFor(), "mount a 4 KiB tmpfs (the tests run as root)");
		try {
			Path html = full.resolve("report.html"); // more than 4 KiB
			assertOneLineFailure(Reports.command(recording.toString(), "--format", "html", "-o", html.toString()),
					"cannot write " + html + ": No space left on device");
			assertTrue(Files.notExists(html), "no partial report left");
		} finally {
			new ProcessBuilder("umount", full.toString()).inheritIO().start().waitFor();
		}
	}

	/**
	 * JMC's parser logs what it skips in a damaged file (e.g. "Event type with id 266338307 was not
	 * declared", from a flipped byte) through java.util.logging, two lines on stderr; the report
	 * runs in its own JVM, where that log is silenced.
	 */
	@Test
	void jmcsParserLogsNothing() {
		List<LogRecord> published = new ArrayList<>();
		Handler handler = new Handler() {
			@Override
			public void publish(LogRecord record) {
				published.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		Logger root = Logger.getLogger("");
		root.addHandler(handler);
		try {
			assertEquals(0, Reports.command(recording.toString()).exitCode());
			Logger.getLogger("org.openjdk.jmc.flightrecorder.internal.parser.v1.TypeManager")
					.warning("Event type with id 266338307 was not declared");
			assertEquals(List.of(), published.stream().map(LogRecord::getMessage).toList());
		} finally {
			root.removeHandler(handler);
		}
	}

	@Test
	void aTruncatedRecording() throws Exception {
		byte[] whole = Files.readAllBytes(recording);
		for (int length : new int[] {10, whole.length / 2, whole.length - 1}) {
			Path cut = Files.write(dir.resolve("cut-" + length + ".jfr"), Arrays.copyOf(whole, length));
			assertOneLineFailure(Reports.command(cut.toString()), "truncated JFR recording");
		}
	}

	@Test
	void aBadFileAmongGoodOnesIsNamed() throws Exception {
		Path file = Files.writeString(dir.resolve("bad.jfr"), "x");
		assertOneLineFailure(Reports.command(recording.toString(), file.toString()), "bad.jfr");
	}

	@Test
	void aValidRecordingWithoutTcpEventsIsAnHonestReport() throws Exception {
		Path file = dir.resolve("no-tcp.jfr");
		try (Recording jvm = new Recording()) {
			jvm.enable("jdk.JavaMonitorWait").withThreshold(Duration.ZERO);
			jvm.start();
			Object lock = new Object();
			synchronized (lock) {
				lock.wait(1);
			}
			jvm.stop();
			jvm.dump(file);
		}
		Run text = Reports.command(file.toString());
		assertEquals(0, text.exitCode(), text.err());
		assertTrue(text.out().contains("No TCP events in this recording."), text.out());
		assertTrue(text.out().contains("other ("), text.out());
		Run json = Reports.command(file.toString(), "--format", "json");
		assertEquals(0, json.exitCode());
		assertTrue(json.out().contains("\"connectionEvents\" : 0"), json.out());
	}

	@Test
	void wrongArgumentsShowUsage() {
		for (String[] args : new String[][] {{}, {"--format", "xml", "x.jfr"}, {"--top", "0", "x.jfr"},
				{"--top", "many", "x.jfr"}, {"--bogus", "x.jfr"}}) {
			Run run = Reports.command(args);
			assertEquals(ReportCommand.USAGE, run.exitCode(), String.join(" ", args));
			assertTrue(run.err().contains("usage: tcptracer report"), run.err());
			String error = run.err().lines().reduce((first, last) -> last).orElseThrow();
			assertTrue(error.startsWith("tcptracer report: error: ") && !error.contains("  "), run.err());
		}
	}

	@Test
	void helpGoesToStandardOutput() {
		Run run = Reports.command("--help");
		assertEquals(0, run.exitCode());
		assertTrue(run.out().contains("--format"), run.out());
		assertTrue(run.out().contains("--top"), run.out());
	}

	private static void assertOneLineFailure(Run run, String expected) {
		assertEquals(ReportCommand.FAILED, run.exitCode(), run.out());
		assertEquals("", run.out());
		String err = run.err();
		assertTrue(err.startsWith("tcptracer report: ") && err.contains(expected), err);
		assertEquals(1, err.lines().count(), err);
	}
}
