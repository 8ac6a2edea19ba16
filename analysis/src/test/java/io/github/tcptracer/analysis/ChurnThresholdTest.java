package io.github.tcptracer.analysis;

import static io.github.tcptracer.analysis.testing.TestRecording.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tcptracer.analysis.findings.ChurnThresholds;
import io.github.tcptracer.analysis.model.Finding;
import io.github.tcptracer.analysis.testing.Conn;
import io.github.tcptracer.analysis.testing.Reports;
import io.github.tcptracer.analysis.testing.TestRecording;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The churn finding appears exactly when the test churned: each threshold (default: 100
 * connections, 1/s, median lifetime under 1 s) is tried just below and just above.
 */
class ChurnThresholdTest {
	@TempDir
	Path dir;

	@Test
	void connectionCount() throws Exception {
		assertEquals(0, churnFindings(99, 100 * MS, 5 * MS));
		assertEquals(1, churnFindings(100, 100 * MS, 5 * MS));
	}

	@Test
	void medianLifetime() throws Exception {
		assertEquals(0, churnFindings(100, 100 * MS, 1000 * MS));
		assertEquals(1, churnFindings(100, 100 * MS, 999 * MS));
	}

	@Test
	void rate() throws Exception {
		// 100 connections over 99 intervals: 0.9/s and 1.1/s.
		assertEquals(0, churnFindings(100, (long) (1e9 * 100 / 99 / 0.9), 5 * MS));
		assertEquals(1, churnFindings(100, (long) (1e9 * 100 / 99 / 1.1), 5 * MS));
	}

	@Test
	void thresholdsAreOptions() throws Exception {
		Path file = churn(20, 100 * MS, 5 * MS);
		assertEquals(0, count(Reports.of(file).findings()));
		assertEquals(1, count(Reports.of(new ChurnThresholds(20, 10 * MS, 5.0), file).findings()));
		assertEquals(0, count(Reports.of(new ChurnThresholds(20, 5 * MS, 5.0), file).findings()));
	}

	@Test
	void longLivedConnectionsToOtherEndpointsDoNotCount() throws Exception {
		Path file = dir.resolve("pooled.jfr");
		try (TestRecording recording = new TestRecording()) {
			for (int i = 0; i < 200; i++) {
				// Many connections, fast, but to 200 different endpoints: that is fan-out, not churn.
				recording.connectAndClose(Conn.outbound("10.2.0." + i, 80, 30_000), i * 10 * MS, 5 * MS);
			}
			recording.dump(file);
		}
		assertEquals(0, count(Reports.of(file).findings()));
	}

	private int churnFindings(int connections, long intervalNanos, long lifetimeNanos) throws Exception {
		return count(Reports.of(churn(connections, intervalNanos, lifetimeNanos)).findings());
	}

	private Path churn(int connections, long intervalNanos, long lifetimeNanos) throws Exception {
		Path file = dir.resolve("churn-" + connections + "-" + intervalNanos + "-" + lifetimeNanos + ".jfr");
		try (TestRecording recording = new TestRecording()) {
			for (int i = 0; i < connections; i++) {
				recording.connectAndClose(Conn.outbound("10.1.0.1", 5432, 30_000 + i), i * intervalNanos,
						lifetimeNanos);
			}
			return recording.dump(file);
		}
	}

	private static int count(java.util.List<Finding> findings) {
		return (int) findings.stream().filter(f -> f.id().equals(Finding.CHURN)).count();
	}
}
