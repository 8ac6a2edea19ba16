package io.github.tcptracer.analysis.testing;

import io.github.tcptracer.jfr.TcpAcceptEvent;
import io.github.tcptracer.jfr.TcpCloseEvent;
import io.github.tcptracer.jfr.TcpConnectEvent;
import io.github.tcptracer.jfr.TcpConnectFailedEvent;
import io.github.tcptracer.jfr.TcpConnectionEvent;
import io.github.tcptracer.jfr.TcpEventTypes;
import io.github.tcptracer.jfr.TcpTracerStatisticsEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * A real .jfr file made in-process with jdk.jfr, as the agent makes them: the test commits schema
 * events with the field values it chooses. Times are given as nanoseconds after {@link #BASE_NANOS}
 * on the kernel's clock; the wall clock follows from {@link #BASE_EPOCH_MILLIS}.
 */
public final class TestRecording implements AutoCloseable {
	public static final long BASE_NANOS = 5_000_000_000_000L;
	public static final long BASE_EPOCH_MILLIS = 1_700_000_000_000L;
	public static final long MS = 1_000_000L;
	public static final long S = 1_000_000_000L;

	private final Recording recording = new Recording();

	public TestRecording() {
		TcpEventTypes.ALL.forEach(recording::enable);
		recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO);
		recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO);
		recording.start();
	}

	public void connect(Conn conn, long atNanos) {
		TcpConnectEvent event = new TcpConnectEvent();
		event.handshakeTime = 100_000;
		fill(event, conn, atNanos).commit();
	}

	public void accept(Conn conn, long atNanos) {
		fill(new TcpAcceptEvent(), conn, atNanos).commit();
	}

	/** A close by the process, carrying the lifetime the tracer measured and byte counts. */
	public void close(Conn conn, long atNanos, long lifetimeNanos, long bytesSent, long bytesReceived) {
		close(conn, atNanos, lifetimeNanos, bytesSent, bytesReceived, "");
	}

	public void close(Conn conn, long atNanos, long lifetimeNanos, long bytesSent, long bytesReceived,
			String error) {
		TcpCloseEvent event = new TcpCloseEvent();
		event.lifetime = lifetimeNanos;
		event.bytesSent = bytesSent;
		event.bytesReceived = bytesReceived;
		event.error = error;
		event.attribution = error.isEmpty() ? TcpCloseEvent.BY_CALLER : TcpCloseEvent.BY_OWNER;
		fill(event, conn, atNanos).commit();
	}

	/** A connection opened at {@code atNanos} and closed {@code lifetimeNanos} later. */
	public void connectAndClose(Conn conn, long atNanos, long lifetimeNanos) {
		connect(conn, atNanos);
		close(conn, atNanos + lifetimeNanos, lifetimeNanos, 100, 1000);
	}

	public void failedConnect(Conn conn, long atNanos, String error) {
		TcpConnectFailedEvent event = new TcpConnectFailedEvent();
		event.error = error;
		event.handshakeTime = 1_000_000;
		fill(event, conn, atNanos).commit();
	}

	public void statistics(long lostEvents, long droppedEvents) {
		TcpTracerStatisticsEvent event = new TcpTracerStatisticsEvent();
		event.lostEvents = lostEvents;
		event.droppedEvents = droppedEvents;
		event.commit();
	}

	/**
	 * Real loopback traffic to a server reached as "localhost", so that the recording's
	 * jdk.SocketRead and jdk.SocketWrite events name 127.0.0.1 "localhost".
	 */
	public void localhostSocketTraffic() throws IOException {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket client = new Socket("localhost", server.getLocalPort());
				Socket accepted = server.accept()) {
			client.getOutputStream().write(new byte[] {1, 2, 3});
			accepted.getInputStream().readNBytes(3);
			accepted.getOutputStream().write(4);
			client.getInputStream().read();
		}
	}

	public Path dump(Path file) throws IOException {
		recording.stop();
		recording.dump(file);
		return file;
	}

	@Override
	public void close() {
		recording.close();
	}

	private static TcpConnectionEvent fill(TcpConnectionEvent event, Conn conn, long atNanos) {
		event.address = conn.address();
		event.port = conn.port();
		event.localAddress = conn.localAddress();
		event.localPort = conn.localPort();
		event.ipVersion = conn.address().indexOf(':') >= 0 ? 6 : 4;
		event.pid = conn.pid();
		event.tid = conn.tid();
		event.command = conn.command();
		event.uid = 1000;
		event.networkNamespace = 4026531840L;
		event.kernelNanos = BASE_NANOS + atNanos;
		event.kernelTime = BASE_EPOCH_MILLIS + atNanos / MS;
		return event;
	}
}
