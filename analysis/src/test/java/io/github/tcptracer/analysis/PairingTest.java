package io.github.tcptracer.analysis;

import static io.github.tcptracer.analysis.testing.TestRecording.MS;
import static io.github.tcptracer.analysis.testing.TestRecording.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tcptracer.analysis.model.TcpReport;
import io.github.tcptracer.analysis.testing.Conn;
import io.github.tcptracer.analysis.testing.Reports;
import io.github.tcptracer.analysis.testing.TestRecording;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How closes are matched to their connects and accepts, and what happens when they are not. */
class PairingTest {
	@TempDir
	Path dir;

	@Test
	void lifetimeComesFromKernelTimeWhenTheCloseDoesNotKnowIt() throws Exception {
		Path file = dir.resolve("unknown-lifetime.jfr");
		try (TestRecording recording = new TestRecording()) {
			Conn conn = Conn.outbound("10.0.0.1", 80, 40_000);
			recording.connect(conn, 1 * S);
			recording.close(conn, 1 * S + 250 * MS, -1, 1, 2);
			recording.dump(file);
		}
		TcpReport report = Reports.of(file);
		assertEquals(250 * MS, report.lifetimes().endpoints().get(0).p50Nanos());
	}

	@Test
	void eventsArePairedInKernelTimeOrderWhateverTheFileOrder() throws Exception {
		Path file = dir.resolve("out-of-order.jfr");
		try (TestRecording recording = new TestRecording()) {
			Conn conn = Conn.outbound("10.0.0.1", 80, 40_000);
			// The same 4-tuple twice: closes committed before their connects.
			recording.close(conn, 2 * S, -1, 0, 0);
			recording.close(conn, 5 * S, -1, 0, 0);
			recording.connect(conn, 4 * S);
			recording.connect(conn, 1 * S);
			recording.dump(file);
		}
		TcpReport report = Reports.of(file);
		assertEquals(2, report.lifetimes().closed());
		assertEquals(0, report.lifetimes().closedUnseenOpen());
		assertEquals(1 * S, report.lifetimes().endpoints().get(0).maxNanos());
		assertEquals(0, report.lifetimes().openAtEnd().connections());
	}

	@Test
	void aCloseWithoutItsOpenIsInboundOnAListeningPort() throws Exception {
		Path file = dir.resolve("unseen-open.jfr");
		try (TestRecording recording = new TestRecording()) {
			recording.accept(Conn.inbound("192.168.0.9", 50_000, 8080), 1 * S);
			recording.close(Conn.inbound("192.168.0.7", 50_001, 8080), 2 * S, 30 * S, 1, 1);
			recording.close(Conn.outbound("10.0.0.1", 443, 40_000), 2 * S, -1, 1, 1);
			recording.dump(file);
		}
		TcpReport report = Reports.of(file);
		assertEquals(2, report.lifetimes().closedUnseenOpen());
		assertEquals(2, report.lifetimes().closed());
		// Only the inbound one carried its lifetime.
		assertEquals(1, report.lifetimes().withLifetime());
		assertEquals("listening :8080", report.lifetimes().endpoints().get(0).endpoint().label());
		assertEquals(1, report.lifetimes().openAtEnd().connections());
	}

	@Test
	void anOpenOpenedAgainLostItsClose() throws Exception {
		Path file = dir.resolve("superseded.jfr");
		try (TestRecording recording = new TestRecording()) {
			Conn conn = Conn.outbound("10.0.0.1", 80, 40_000);
			recording.connect(conn, 1 * S);
			recording.connect(conn, 2 * S);
			recording.close(conn, 3 * S, -1, 0, 0);
			recording.dump(file);
		}
		TcpReport report = Reports.of(file);
		assertEquals(1, report.lifetimes().supersededOpens());
		assertEquals(1, report.lifetimes().closed());
		assertEquals(1 * S, report.lifetimes().endpoints().get(0).p50Nanos());
		assertEquals(0, report.lifetimes().openAtEnd().connections());
	}

	@Test
	void theProcessIsPartOfTheMatch() throws Exception {
		Path file = dir.resolve("two-processes.jfr");
		try (TestRecording recording = new TestRecording()) {
			Conn conn = Conn.outbound("10.0.0.1", 80, 40_000);
			recording.connect(conn, 1 * S);
			recording.close(conn.task(999, 999, "other"), 2 * S, -1, 0, 0);
			recording.dump(file);
		}
		TcpReport report = Reports.of(file);
		assertEquals(1, report.lifetimes().openAtEnd().connections());
		assertEquals(1, report.lifetimes().closedUnseenOpen());
	}

	@Test
	void severalFilesAreOneRecording() throws Exception {
		Conn conn = Conn.outbound("10.0.0.1", 80, 40_000);
		Path first = dir.resolve("first.jfr");
		try (TestRecording recording = new TestRecording()) {
			recording.connect(conn, 1 * S);
			recording.dump(first);
		}
		Path second = dir.resolve("second.jfr");
		try (TestRecording recording = new TestRecording()) {
			recording.close(conn, 4 * S, -1, 0, 0);
			recording.statistics(1, 0);
			recording.dump(second);
		}
		TcpReport report = Reports.of(second, first);
		assertEquals(2, report.recording().files().size());
		assertEquals(3 * S, report.lifetimes().endpoints().get(0).p50Nanos());
		assertEquals(1, report.recording().lostEvents());
	}

	@Test
	void aChunkInTwoFilesCountsOnce() throws Exception {
		Path file = dir.resolve("once.jfr");
		try (TestRecording recording = new TestRecording()) {
			recording.connectAndClose(Conn.outbound("10.0.0.1", 80, 40_000), 1 * S, 1 * S);
			recording.dump(file);
		}
		Path copy = java.nio.file.Files.copy(file, dir.resolve("copy.jfr"));
		TcpReport report = Reports.of(file, copy);
		assertEquals(1, report.outbound().connects());
		assertEquals(1, report.lifetimes().closed());
	}
}
