package io.github.tcptracer.analysis;

import static io.github.tcptracer.analysis.testing.TestRecording.BASE_EPOCH_MILLIS;
import static io.github.tcptracer.analysis.testing.TestRecording.BASE_NANOS;
import static io.github.tcptracer.analysis.testing.TestRecording.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tcptracer.analysis.model.Finding;
import io.github.tcptracer.analysis.model.TcpReport;
import io.github.tcptracer.analysis.testing.Reports;
import io.github.tcptracer.jfr.TcpEventFields;
import io.github.tcptracer.jfr.TcpEventNames;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.flightrecorder.writer.api.Recording;
import org.openjdk.jmc.flightrecorder.writer.api.Recordings;
import org.openjdk.jmc.flightrecorder.writer.api.Type;
import org.openjdk.jmc.flightrecorder.writer.api.TypeStructureBuilder;
import org.openjdk.jmc.flightrecorder.writer.api.TypedValueBuilder;
import org.openjdk.jmc.flightrecorder.writer.api.Types;

/**
 * A file written with the JMC writer, as the recorder writes, reads like one written by jdk.jfr.
 * The types here are declared field by field, without the schema's annotations (no Timestamp,
 * Timespan or DataAmount): fields are found by name, and plain numbers are taken in the schema's
 * units. Every field is put, the implicit ones too: in JMC 9.1.1 an unset field corrupts the file.
 * (The writer's registerEventType(Class) is no shortcut: it leaves out inherited fields, here all of
 * TcpConnectionEvent's. The lead adds goldens on files from the real recorder.)
 */
class WriterRecordingTest {
	private static final List<String> LONGS = List.of(TcpEventFields.NETWORK_NAMESPACE, TcpEventFields.KERNEL_TIME,
			TcpEventFields.KERNEL_NANOS);
	private static final List<String> INTS = List.of(TcpEventFields.PORT, TcpEventFields.LOCAL_PORT,
			TcpEventFields.IP_VERSION, TcpEventFields.PID, TcpEventFields.TID, TcpEventFields.UID);
	private static final List<String> STRINGS = List.of(TcpEventFields.ADDRESS, TcpEventFields.LOCAL_ADDRESS,
			TcpEventFields.COMMAND);

	@TempDir
	Path dir;

	@Test
	void readsEventsWrittenWithTheJmcWriter() throws Exception {
		Path file = dir.resolve("writer.jfr");
		try (Recording recording = Recordings.newRecording(file)) {
			Type connect = recording.registerEventType(TcpEventNames.CONNECT, WriterRecordingTest::connectionFields);
			Type close = recording.registerEventType(TcpEventNames.CLOSE, type -> connectionFields(type)
					.addField(TcpEventFields.LIFETIME, Types.Builtin.LONG)
					.addField(TcpEventFields.BYTES_SENT, Types.Builtin.LONG)
					.addField(TcpEventFields.BYTES_RECEIVED, Types.Builtin.LONG)
					.addField(TcpEventFields.ERROR, Types.Builtin.STRING)
					.addField(TcpEventFields.ATTRIBUTION, Types.Builtin.STRING));
			Type statistics = recording.registerEventType(TcpEventNames.STATISTICS,
					type -> type.addField(TcpEventFields.LOST_EVENTS, Types.Builtin.LONG)
							.addField(TcpEventFields.DROPPED_EVENTS, Types.Builtin.LONG));
			for (int i = 0; i < 5; i++) {
				int n = i;
				recording.writeEvent(connect.asValue(v -> connectionValues(implicit(v, recording), n, n * 10 * MS)));
				recording.writeEvent(close.asValue(v -> connectionValues(implicit(v, recording), n,
						n * 10 * MS + (n + 1) * MS)
						.putField(TcpEventFields.LIFETIME, -1L)
						.putField(TcpEventFields.BYTES_SENT, 10L)
						.putField(TcpEventFields.BYTES_RECEIVED, 20L)
						.putField(TcpEventFields.ERROR, n == 0 ? "ECONNRESET" : "")
						.putField(TcpEventFields.ATTRIBUTION, "caller")));
			}
			recording.writeEvent(statistics.asValue(v -> implicit(v, recording).putField(TcpEventFields.LOST_EVENTS, 7L)
					.putField(TcpEventFields.DROPPED_EVENTS, 0L)));
		}
		TcpReport report = Reports.of(file);
		assertEquals(5, report.outbound().connects());
		assertEquals(5, report.lifetimes().closed());
		// Lifetimes from kernel times: 1, 2, 3, 4 and 5 ms.
		assertEquals(3 * MS, report.lifetimes().endpoints().get(0).p50Nanos());
		assertEquals(5 * MS, report.lifetimes().endpoints().get(0).maxNanos());
		assertEquals(50, report.bytes().bytesSent());
		assertEquals(7, report.recording().lostEvents());
		assertEquals(BASE_EPOCH_MILLIS, report.recording().firstEventEpochMillis());
		assertEquals(1, report.findings().stream().filter(f -> f.id().equals(Finding.RESETS)).count());
	}

	private static TypedValueBuilder implicit(TypedValueBuilder value, Recording recording) {
		return value.putField("startTime", System.nanoTime())
				.putField("eventThread", recording.getType(Types.JDK.THREAD).nullValue())
				.putField("stackTrace", recording.getType(Types.JDK.STACK_TRACE).nullValue());
	}

	private static TypeStructureBuilder connectionFields(TypeStructureBuilder type) {
		STRINGS.forEach(name -> type.addField(name, Types.Builtin.STRING));
		INTS.forEach(name -> type.addField(name, Types.Builtin.INT));
		LONGS.forEach(name -> type.addField(name, Types.Builtin.LONG));
		return type;
	}

	private static TypedValueBuilder connectionValues(TypedValueBuilder value, int i, long atNanos) {
		return value.putField(TcpEventFields.ADDRESS, "10.0.0.1")
				.putField(TcpEventFields.LOCAL_ADDRESS, "10.9.0.1")
				.putField(TcpEventFields.COMMAND, "writer")
				.putField(TcpEventFields.PORT, 443)
				.putField(TcpEventFields.LOCAL_PORT, 40_000 + i)
				.putField(TcpEventFields.IP_VERSION, 4)
				.putField(TcpEventFields.PID, 1)
				.putField(TcpEventFields.TID, 2)
				.putField(TcpEventFields.UID, 0)
				.putField(TcpEventFields.NETWORK_NAMESPACE, 1L)
				.putField(TcpEventFields.KERNEL_TIME, BASE_EPOCH_MILLIS + atNanos / MS)
				.putField(TcpEventFields.KERNEL_NANOS, BASE_NANOS + atNanos);
	}
}
