package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.EventCollector;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/** A listener and one connection to it, on loopback, with the socket family a test chooses. */
final class LoopbackPair implements AutoCloseable {
	/** What {@link #eventsOfOne} sends from the client to the server. */
	static final int BYTES_SENT = 100;
	final ServerSocketChannel server;
	final SocketChannel client;
	final SocketChannel accepted;

	private LoopbackPair(ServerSocketChannel server, SocketChannel client, SocketChannel accepted) {
		this.server = server;
		this.client = client;
		this.accepted = accepted;
	}

	/** {@code family} null means Java's default: dual-stack AF_INET6 sockets. */
	static LoopbackPair open(ProtocolFamily family, String address) throws IOException {
		ServerSocketChannel server = family == null ? ServerSocketChannel.open() : ServerSocketChannel.open(family);
		server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
		SocketChannel client = family == null ? SocketChannel.open() : SocketChannel.open(family);
		client.connect(server.getLocalAddress());
		SocketChannel accepted = server.accept();
		return new LoopbackPair(server, client, accepted);
	}

	/**
	 * Opens a pair, sends {@link #BYTES_SENT} bytes, closes it, and returns the events
	 * {@code tracer} reports for its connection: once {@code expected} have come, or after a
	 * second when none are expected.
	 */
	static List<TcpEvent> eventsOfOne(TcpTracer tracer, ProtocolFamily family, String address, int expected)
			throws IOException, InterruptedException {
		int port;
		int clientPort;
		try (LoopbackPair pair = open(family, address)) {
			port = pair.serverPort();
			clientPort = pair.clientPort();
			pair.send(BYTES_SENT);
		}
		List<TcpEvent> events = new EventCollector(tracer).collect(CaptureAssertions.onServerPort(port),
				CaptureAssertions.atLeast(expected), Duration.ofSeconds(expected == 0 ? 1 : 5));
		events.forEach(e -> assertTrue(e.localPort() == clientPort || e.remotePort() == clientPort,
				"event on another connection: " + e));
		return events;
	}

	/**
	 * Connects, on a thread named "refused", to a loopback port nobody listens on, and checks that
	 * the connect was refused; returns that port.
	 */
	static int refusedConnect() throws Exception {
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = probe.getLocalPort();
		}
		NamedThreads.onThread("refused", () -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort));
				throw new AssertionError("connect should be refused");
			} catch (ConnectException expected) {
				return null;
			}
		});
		return closedPort;
	}

	int serverPort() throws IOException {
		return ((InetSocketAddress) server.getLocalAddress()).getPort();
	}

	int clientPort() throws IOException {
		return ((InetSocketAddress) client.getLocalAddress()).getPort();
	}

	void send(int bytes) throws IOException {
		ByteBuffer data = ByteBuffer.allocate(bytes);
		while (data.hasRemaining()) {
			client.write(data);
		}
		ByteBuffer sink = ByteBuffer.allocate(bytes);
		while (sink.hasRemaining()) {
			accepted.read(sink);
		}
	}

	/** Closes the client with SO_LINGER 0: it sends a reset instead of a FIN. */
	void resetClient() throws IOException {
		client.setOption(StandardSocketOptions.SO_LINGER, 0);
		client.close();
	}

	@Override
	public void close() throws IOException {
		client.close();
		accepted.close();
		server.close();
	}
}
