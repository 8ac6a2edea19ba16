package io.github.tcptracer.analysis.testing;

import static io.github.tcptracer.analysis.testing.TestRecording.MS;
import static io.github.tcptracer.analysis.testing.TestRecording.S;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One recording with something in every section of the report, and the numbers a test can expect
 * from it. Everything happens within the first 20 s after {@link TestRecording#BASE_NANOS}.
 */
public final class RichRecording {
	/** Churn: 150 connections over 15 s (10/s), 2 ms each, to a server the recording names "localhost". */
	public static final Conn CHURN = Conn.outbound("127.0.0.1", 5432, 0);
	public static final int CHURN_CONNECTIONS = 150;
	public static final long CHURN_LIFETIME = 2 * MS;
	/** Pooled: 3 long-lived connections (10, 12 and 14 s), and one more still open at the end. */
	public static final Conn POOLED = Conn.outbound("10.0.0.2", 443, 40_000);
	/** 6 refused connects and 1 timed out, and not one established. */
	public static final Conn REFUSING = Conn.outbound("10.0.0.3", 6379, 41_000);
	/** 10 connections of 100 ms, 4 of them reset. */
	public static final Conn RESETTING = Conn.outbound("10.0.0.4", 80, 42_000);
	/** A long IPv6 address: the text report must still fit 80 columns. */
	public static final Conn IPV6 = Conn.outbound("2001:db8:1234:5678:9abc:def0:1234:5678", 8443, 43_000);
	/** Accepts on port 8080: 12 from .10, 8 from .11, each living 300 ms. */
	public static final int LISTENING_PORT = 8080;
	public static final Conn PEER_A = Conn.inbound("192.168.1.10", 50_000, LISTENING_PORT);
	public static final Conn PEER_B = Conn.inbound("192.168.1.11", 51_000, LISTENING_PORT);
	public static final long LOST = 3;
	public static final long DROPPED = 2;

	private RichRecording() {
	}

	public static Path write(Path file) throws IOException {
		try (TestRecording recording = new TestRecording()) {
			recording.localhostSocketTraffic();
			for (int i = 0; i < CHURN_CONNECTIONS; i++) {
				Conn conn = Conn.outbound(CHURN.address(), CHURN.port(), 30_000 + i);
				recording.connectAndClose(conn, i * 100 * MS, CHURN_LIFETIME);
			}
			for (int i = 0; i < 3; i++) {
				Conn conn = Conn.outbound(POOLED.address(), POOLED.port(), POOLED.localPort() + i);
				recording.connectAndClose(conn, i * S, (10 + 2 * i) * S);
			}
			recording.connect(Conn.outbound(POOLED.address(), POOLED.port(), POOLED.localPort() + 3), 5 * S);
			for (int i = 0; i < 6; i++) {
				recording.failedConnect(Conn.outbound(REFUSING.address(), REFUSING.port(), REFUSING.localPort() + i),
						i * S, "ECONNREFUSED");
			}
			recording.failedConnect(Conn.outbound(REFUSING.address(), REFUSING.port(), REFUSING.localPort() + 9),
					7 * S, "ETIMEDOUT");
			for (int i = 0; i < 10; i++) {
				Conn conn = Conn.outbound(RESETTING.address(), RESETTING.port(), RESETTING.localPort() + i);
				recording.connect(conn, i * S);
				recording.close(conn, i * S + 100 * MS, 100 * MS, 10, 20, i < 4 ? "ECONNRESET" : "");
			}
			recording.connectAndClose(IPV6, 3 * S, 1 * S);
			for (int i = 0; i < 20; i++) {
				Conn peer = i < 12 ? PEER_A : PEER_B;
				Conn conn = Conn.inbound(peer.address(), peer.port() + i, LISTENING_PORT);
				recording.accept(conn, i * 500 * MS);
				recording.close(conn, i * 500 * MS + 300 * MS, 300 * MS, 5000, 700);
			}
			recording.statistics(LOST, 0);
			recording.statistics(0, DROPPED);
			return recording.dump(file);
		}
	}
}
