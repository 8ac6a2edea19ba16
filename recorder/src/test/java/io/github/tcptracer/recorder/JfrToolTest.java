package io.github.tcptracer.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.jfr.TcpEventNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;

/**
 * Recordings open in the JDK's jfr tool (JDK 17 and 25) with labels, categories and units, alone
 * and appended to a JVM's own recording; and that cat-ed file reads right in both parsers.
 */
class JfrToolTest {
	/** An event every JVM recording has. */
	private static final String JVM_WITNESS = "jdk.JVMInformation";

	@TempDir
	static Path dir;
	/** Three data chunks of made-up events. */
	static Path tcp;
	static List<TcpEvent> written = new ArrayList<>();

	@BeforeAll
	static void record() throws IOException {
		tcp = dir.resolve("tcp.jfr");
		try (JfrFileSink sink = JfrFileSink.open(tcp, Duration.ofNanos(1))) {
			for (int n = 0; n < 12; n++) {
				TcpEvent event = SyntheticEvents.of(SyntheticEvents.cycle(n), n);
				written.add(event);
				sink.onEvent(event);
				if (n % 4 == 3) {
					sink.afterPoll(n);
				}
			}
		}
	}

	@Test
	void printSummaryAndMetadataWork() throws Exception {
		for (JfrTool jfr : JfrTool.installed()) {
			String print = jfr.run("print", tcp.toString());
			assertEquals(3, count(print, TcpEventNames.CLOSE + " {"), jfr + " print:\n" + print);
			assertTrue(print.contains("bytesSent = 1002 bytes"), jfr + " prints data amounts with units");
			assertTrue(print.contains("lifetime = 1.50 ms"), jfr + " prints timespans with units");
			assertTrue(print.contains("eventThread = \"task-2\" (osThreadId = " + (SyntheticEvents.PID + 3) + ")"),
					jfr + " prints the task as the event thread");

			String summary = jfr.run("summary", tcp.toString());
			assertTrue(summary.matches("(?s).*" + TcpEventNames.CONNECT.replace(".", "\\.") + " +3 .*"), summary);

			String metadata = jfr.run("metadata", tcp.toString());
			assertTrue(metadata.contains("@Category({\"Operating System\", \"Network\", \"TCP\"})"), metadata);
			assertTrue(metadata.contains("@Label(\"Remote Address\")"), metadata);
			assertTrue(metadata.contains("@DataAmount(\"BYTES\")"), metadata);
			assertTrue(metadata.contains("@Timespan(\"NANOSECONDS\")"), metadata);
			assertTrue(metadata.contains("@Unsigned"), metadata);
		}
	}

	@Test
	void appendedToThisJvmsRecording() throws Exception {
		Path app = dir.resolve("app17.jfr");
		try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
			recording.start();
			Thread.sleep(100);
			recording.dump(app);
		}
		assertTrue(countsByType(RecordingFile.readAllEvents(app)).containsKey(JVM_WITNESS));
		assertConcatenationReads(app, tcp);
		assertConcatenationReads(tcp, app);
	}

	@Test
	void appendedToAJdk25Recording() throws Exception {
		Path java25 = JfrTool.jdk25Java();
		Path app = dir.resolve("app25.jfr");
		Process jvm = new ProcessBuilder(java25.toString(), "-XX:StartFlightRecording:filename=" + app, "-version")
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		assertTrue(jvm.waitFor(60, TimeUnit.SECONDS) && jvm.exitValue() == 0, "JDK 25 recorded");
		assertConcatenationReads(app, tcp);
	}

	@Test
	void twoRecordingsAppended() throws Exception {
		Path other = dir.resolve("other.jfr");
		try (JfrFileSink sink = JfrFileSink.open(other, Duration.ofHours(1))) {
			sink.onEvent(SyntheticEvents.of(SyntheticEvents.cycle(0), 40));
		}
		assertConcatenationReads(tcp, other);
	}

	/** {@code cat first second}: each part's events, as each part alone reads, in all readers. */
	private static void assertConcatenationReads(Path first, Path second) throws Exception {
		Path both = dir.resolve("both-" + first.getFileName() + "-" + second.getFileName());
		try (OutputStream out = Files.newOutputStream(both)) {
			Files.copy(first, out);
			Files.copy(second, out);
		}
		Map<String, Long> expected = countsByType(RecordingFile.readAllEvents(first));
		countsByType(RecordingFile.readAllEvents(second)).forEach((type, n) -> expected.merge(type, n, Long::sum));

		List<RecordedEvent> read = RecordingFile.readAllEvents(both);
		assertEquals(expected, countsByType(read), "event counts in the JDK parser");
		for (TcpEvent event : written) {
			RecordedEvent recorded = read.stream().filter(e -> e.hasField("kernelNanos")
					&& e.getLong("kernelNanos") == event.timestampNanos()).findFirst().orElseThrow();
			assertEquals(event.remoteAddress(), recorded.getString("address"));
			assertEquals(event.command(), recorded.getThread().getJavaName());
			// JDK 17's parser converts each chunk's ticks with that chunk's clock (JDK 25's does not)
			assertEquals(recorded.getInstant("kernelTime").toEpochMilli(), recorded.getStartTime().toEpochMilli());
		}

		// JMC reads JVM events its own way (some are merged or hidden): compare ours, and one JVM witness.
		JmcItems jmc = JmcItems.load(both);
		for (Map<String, Object> close : jmc.events(TcpEventNames.CLOSE)) {
			long start = ((IQuantity) close.get("startTime")).longValueIn(UnitLookup.EPOCH_MS);
			assertEquals(((IQuantity) close.get("kernelTime")).longValueIn(UnitLookup.EPOCH_MS), start, 1);
		}
		for (Map.Entry<String, Long> type : expected.entrySet()) {
			if (type.getKey().startsWith(TcpEventNames.NAMESPACE) || type.getKey().equals(JVM_WITNESS)) {
				assertEquals(type.getValue(), jmc.count(type.getKey()), "JMC count of " + type.getKey());
			}
		}

		for (JfrTool jfr : JfrTool.installed()) {
			String summary = jfr.run("summary", both.toString());
			for (Map.Entry<String, Long> type : expected.entrySet()) {
				if (type.getKey().startsWith(TcpEventNames.NAMESPACE)) {
					assertTrue(summary.matches("(?s).*\\Q" + type.getKey() + "\\E +" + type.getValue() + " .*"),
							jfr + " summary counts " + type + ":\n" + summary);
				}
			}
			String closes = jfr.run("print", "--events", TcpEventNames.CLOSE, both.toString());
			assertEquals(expected.get(TcpEventNames.CLOSE).longValue(), count(closes, TcpEventNames.CLOSE + " {"));
		}
	}

	private static Map<String, Long> countsByType(List<RecordedEvent> events) {
		return events.stream().collect(Collectors.groupingBy(e -> e.getEventType().getName(), TreeMap::new,
				Collectors.counting()));
	}

	private static long count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}
}
