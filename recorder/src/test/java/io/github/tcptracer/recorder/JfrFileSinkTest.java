package io.github.tcptracer.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.Errno;
import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpEventType;
import io.github.tcptracer.jfr.TcpEventNames;
import io.github.tcptracer.jfr.TcpEventTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;

/** The file recorder with made-up events: what goes in comes out, in both parsers. */
class JfrFileSinkTest {
	@TempDir
	Path dir;

	private static final Duration ONE_CHUNK = Duration.ofHours(1);
	/** Every poll with something to write finishes a chunk. */
	private static final Duration EVERY_POLL = Duration.ofNanos(1);

	/** One event of each type, recorded in one chunk. */
	private List<TcpEvent> recordOneOfEach(Path file) throws IOException {
		List<TcpEvent> events = new ArrayList<>();
		try (JfrFileSink sink = JfrFileSink.open(file, ONE_CHUNK)) {
			for (int n = 0; n < 4; n++) {
				TcpEvent event = SyntheticEvents.of(SyntheticEvents.cycle(n), n);
				events.add(event);
				sink.onEvent(event);
			}
			sink.afterPoll(7);
		}
		return events;
	}

	@Test
	void everyFieldReadsBackInTheJdkParser() throws Exception {
		Path file = dir.resolve("tcp.jfr");
		List<TcpEvent> written = recordOneOfEach(file);
		List<RecordedEvent> read = RecordingFile.readAllEvents(file);
		for (TcpEvent expected : written) {
			RecordedEvent actual = single(read, expected);
			assertEquals(expected.remoteAddress(), actual.getString("address"));
			assertEquals(expected.remotePort(), actual.getInt("port"));
			assertEquals(expected.localAddress(), actual.getString("localAddress"));
			assertEquals(expected.localPort(), actual.getInt("localPort"));
			assertEquals(expected.ipVersion(), actual.getInt("ipVersion"));
			assertEquals(expected.pid(), actual.getInt("pid"));
			assertEquals(expected.tid(), actual.getInt("tid"));
			assertEquals(expected.command(), actual.getString("command"));
			assertEquals(expected.uid(), actual.getInt("uid"));
			assertEquals(expected.networkNamespace(), actual.getLong("networkNamespace"));
			assertEquals(expected.timestampNanos(), actual.getLong("kernelNanos"));

			// The start time is the kernel's event time: the kernelTime field is the same instant in ms.
			long startNanos = epochNanos(actual.getStartTime());
			long kernelMillis = actual.getInstant("kernelTime").toEpochMilli();
			assertTrue(startNanos - kernelMillis * 1_000_000 >= 0 && startNanos - kernelMillis * 1_000_000 < 1_000_000,
					() -> "start time " + actual.getStartTime() + " vs kernel time " + actual.getInstant("kernelTime"));
			assertEquals(Duration.ZERO, actual.getDuration());

			RecordedThread thread = actual.getThread();
			assertEquals(expected.command(), thread.getOSName());
			assertEquals(expected.tid(), thread.getOSThreadId());
			assertEquals(expected.command(), thread.getJavaName());
			assertNull(actual.getStackTrace());
		}
		RecordedEvent connect = single(read, written.get(0));
		assertEquals(Duration.ofNanos(written.get(0).handshakeNanos()), connect.getDuration("handshakeTime"));
		TcpEvent close = written.get(2);
		RecordedEvent closed = single(read, close);
		assertEquals(Duration.ofNanos(close.lifetimeNanos()), closed.getDuration("lifetime"));
		assertEquals(close.bytesSent(), closed.getLong("bytesSent"));
		assertEquals(close.bytesReceived(), closed.getLong("bytesReceived"));
		assertEquals("", closed.getString("error"));
		assertEquals("caller", closed.getString("attribution"));
		TcpEvent failed = written.get(3);
		assertEquals(Errno.name(failed.error()), single(read, failed).getString("error"));

		RecordedEvent statistics = ofType(read, TcpEventNames.STATISTICS).get(0);
		assertEquals(1, statistics.getLong("connects"));
		assertEquals(1, statistics.getLong("accepts"));
		assertEquals(1, statistics.getLong("closes"));
		assertEquals(1, statistics.getLong("failedConnects"));
		assertEquals(7, statistics.getLong("lostEvents"));
		assertEquals(0, statistics.getLong("droppedEvents"));
		assertNull(statistics.getThread(), "the recorder is no traced task");
		for (TcpEvent event : written) {
			Instant at = single(read, event).getStartTime();
			assertFalse(at.isBefore(statistics.getStartTime()) || at.isAfter(statistics.getEndTime()),
					"the statistics event spans the events it counts");
		}
	}

	@Test
	void everyFieldReadsBackInJmc() throws Exception {
		Path file = dir.resolve("tcp.jfr");
		List<TcpEvent> written = recordOneOfEach(file);
		JmcItems jmc = JmcItems.load(file);
		for (TcpEvent expected : written) {
			List<Map<String, Object>> events = jmc.events(nameOf(expected.type()));
			assertEquals(1, events.size());
			Map<String, Object> actual = events.get(0);
			assertEquals(expected.remoteAddress(), actual.get("address"));
			assertEquals(expected.remotePort(), ((IQuantity) actual.get("port")).longValue());
			assertEquals(expected.localPort(), ((IQuantity) actual.get("localPort")).longValue());
			assertEquals(expected.tid(), ((IQuantity) actual.get("tid")).longValue());
			assertEquals(expected.command(), actual.get("command"));
			assertEquals(expected.command(), ((IMCThread) actual.get("eventThread")).getThreadName());
			long start = ((IQuantity) actual.get("startTime")).longValueIn(UnitLookup.EPOCH_NS);
			long kernelTime = ((IQuantity) actual.get("kernelTime")).longValueIn(UnitLookup.EPOCH_NS);
			assertTrue(start - kernelTime >= 0 && start - kernelTime < 1_000_000, "start time is the kernel time");
		}
		Map<String, Object> close = jmc.events(TcpEventNames.CLOSE).get(0);
		assertEquals(written.get(2).bytesSent(), ((IQuantity) close.get("bytesSent")).longValueIn(UnitLookup.BYTE));
		assertEquals(written.get(2).lifetimeNanos(),
				((IQuantity) close.get("lifetime")).longValueIn(UnitLookup.NANOSECOND));
		assertEquals(7L, jmc.events(TcpEventNames.STATISTICS).get(0).get("lostEvents"));
	}

	/** Regression: the JMC writer numbers every chunk's constants from 1 (see ChunkSeparator). */
	@Test
	void everyChunkKeepsItsOwnStringsAndThreads() throws Exception {
		Path file = dir.resolve("tcp.jfr");
		List<TcpEvent> written = new ArrayList<>();
		try (JfrFileSink sink = JfrFileSink.open(file, EVERY_POLL)) {
			for (int n = 0; n < 30; n++) {
				TcpEvent event = SyntheticEvents.of(SyntheticEvents.cycle(n), n);
				written.add(event);
				sink.onEvent(event);
				if (n % 3 == 2) {
					sink.afterPoll(0);
				}
			}
		}
		List<RecordedEvent> read = RecordingFile.readAllEvents(file);
		assertEquals(11, ofType(read, TcpEventNames.STATISTICS).size(), "one per chunk, and one at close");
		for (TcpEvent expected : written) {
			RecordedEvent actual = single(read, expected);
			assertEquals(expected.remoteAddress(), actual.getString("address"));
			assertEquals(expected.command(), actual.getString("command"));
			assertEquals(expected.command(), actual.getThread().getJavaName());
			assertEquals(expected.tid(), actual.getThread().getOSThreadId());
		}
		JmcItems jmc = JmcItems.load(file);
		for (TcpEventType type : List.of(TcpEventType.CONNECT, TcpEventType.ACCEPT, TcpEventType.CLOSE,
				TcpEventType.CONNECT_FAILED)) {
			assertEquals(written.stream().filter(e -> e.type() == type).count(), jmc.count(nameOf(type)));
		}
		assertEquals(11, jmc.count(TcpEventNames.STATISTICS));
	}

	@Test
	void statisticsTileTheTraceAndAddUp() throws Exception {
		Path file = dir.resolve("tcp.jfr");
		try (JfrFileSink sink = JfrFileSink.open(file, EVERY_POLL)) {
			sink.onEvent(SyntheticEvents.of(TcpEventType.CONNECT, 1));
			sink.afterPoll(2);
			sink.afterPoll(2); // nothing new: no chunk
			sink.afterPoll(5); // only losses: a chunk with just the statistics event
			sink.onEvent(SyntheticEvents.of(TcpEventType.CLOSE, 2));
			sink.onEvent(SyntheticEvents.of(TcpEventType.UNKNOWN, 3));
		}
		List<RecordedEvent> statistics = ofType(RecordingFile.readAllEvents(file), TcpEventNames.STATISTICS);
		statistics.sort((a, b) -> a.getStartTime().compareTo(b.getStartTime()));
		assertEquals(3, statistics.size());
		for (int i = 1; i < statistics.size(); i++) {
			assertEquals(statistics.get(i - 1).getEndTime(), statistics.get(i).getStartTime());
		}
		assertEquals(List.of(1L, 0L, 0L), longs(statistics, "connects"));
		assertEquals(List.of(0L, 0L, 1L), longs(statistics, "closes"));
		assertEquals(List.of(2L, 3L, 0L), longs(statistics, "lostEvents"));
		assertEquals(List.of(0L, 0L, 1L), longs(statistics, "droppedEvents"));
	}

	/**
	 * The tracer attaches before the file is opened: an event it caught in between starts the
	 * recording, so no event comes before the recording's start (the first statistics period).
	 */
	@Test
	void anEventFromBeforeTheFileOpenedStartsTheRecording() throws Exception {
		long caught = System.nanoTime() - 50_000_000L;
		Path file = dir.resolve("tcp.jfr");
		try (JfrFileSink sink = JfrFileSink.open(file, ONE_CHUNK)) {
			sink.onEvent(SyntheticEvents.at(TcpEventType.CONNECT, 1, caught));
		}
		List<RecordedEvent> events = RecordingFile.readAllEvents(file);
		RecordedEvent connect = ofType(events, TcpEventNames.CONNECT).get(0);
		RecordedEvent statistics = ofType(events, TcpEventNames.STATISTICS).get(0);
		assertFalse(connect.getStartTime().isBefore(statistics.getStartTime()),
				() -> connect.getStartTime() + " before the recording's start " + statistics.getStartTime());
	}

	@Test
	void idleIntervalsWriteNothingAndCloseWritesTheTotals() throws Exception {
		Path file = dir.resolve("tcp.jfr");
		try (JfrFileSink sink = JfrFileSink.open(file, EVERY_POLL)) {
			for (int i = 0; i < 5; i++) {
				sink.afterPoll(0);
			}
			assertEquals(0, Files.size(file));
		}
		List<RecordedEvent> read = RecordingFile.readAllEvents(file);
		assertEquals(1, read.size());
		assertEquals(0, read.get(0).getLong("connects"));
		JmcItems jmc = JmcItems.load(file);
		for (Class<? extends jdk.jfr.Event> type : TcpEventTypes.ALL) {
			assertTrue(jmc.hasType(EventType.getEventType(type).getName()),
					"every type is declared, also without events: " + type);
		}
	}

	@Test
	void aClosedSinkRefusesEvents() throws Exception {
		JfrFileSink sink = JfrFileSink.open(dir.resolve("tcp.jfr"), ONE_CHUNK);
		sink.close();
		sink.close();
		assertThrows(IOException.class, () -> sink.onEvent(SyntheticEvents.of(TcpEventType.CONNECT, 1)));
	}

	/** Names, labels, descriptions, categories, fields and units in the file are the schema's. */
	@Test
	void fileMetadataIsTheSchema() throws Exception {
		Path file = dir.resolve("tcp.jfr");
		recordOneOfEach(file);
		Map<String, EventType> inFile;
		try (RecordingFile recording = new RecordingFile(file)) {
			inFile = recording.readEventTypes().stream().collect(Collectors.toMap(EventType::getName, t -> t));
		}
		for (Class<? extends jdk.jfr.Event> type : TcpEventTypes.ALL) {
			EventType schema = EventType.getEventType(type);
			EventType actual = inFile.get(schema.getName());
			assertEquals(schema.getLabel(), actual.getLabel());
			assertEquals(schema.getDescription(), actual.getDescription());
			assertEquals(schema.getCategoryNames(), actual.getCategoryNames());
			assertEquals(describe(schema.getFields()), describe(actual.getFields()), schema.getName());
		}
	}

	private static List<String> describe(List<ValueDescriptor> fields) {
		return fields.stream().map(f -> f.getName() + " " + f.getTypeName() + " '" + f.getLabel() + "' '"
				+ f.getDescription() + "' " + f.getContentType() + " " + annotationValues(f)).toList();
	}

	private static List<String> annotationValues(ValueDescriptor field) {
		return field.getAnnotationElements().stream().map(a -> a.getTypeName() + "=" + a.getValues())
				.filter(a -> !a.startsWith(jdk.jfr.Name.class.getName())).sorted().toList();
	}

	private static String nameOf(TcpEventType type) {
		return switch (type) {
			case CONNECT -> TcpEventNames.CONNECT;
			case ACCEPT -> TcpEventNames.ACCEPT;
			case CLOSE -> TcpEventNames.CLOSE;
			case CONNECT_FAILED -> TcpEventNames.CONNECT_FAILED;
			default -> throw new IllegalArgumentException(type.toString());
		};
	}

	private static List<RecordedEvent> ofType(List<RecordedEvent> events, String name) {
		return events.stream().filter(e -> e.getEventType().getName().equals(name))
				.collect(Collectors.toCollection(ArrayList::new));
	}

	/** The one recorded event of the written event's type and kernel time. */
	private static RecordedEvent single(List<RecordedEvent> read, TcpEvent written) {
		List<RecordedEvent> matching = ofType(read, nameOf(written.type())).stream()
				.filter(e -> e.getLong("kernelNanos") == written.timestampNanos()).toList();
		assertEquals(1, matching.size(), () -> "one recorded event for " + written);
		return matching.get(0);
	}

	private static List<Long> longs(List<RecordedEvent> events, String field) {
		return events.stream().map(e -> e.getLong(field)).toList();
	}

	private static long epochNanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}
}
