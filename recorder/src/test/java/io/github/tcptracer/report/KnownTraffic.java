package io.github.tcptracer.report;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback traffic of this JVM with numbers a report must show, made from the calling thread on
 * IPv4 sockets (every address is 127.0.0.1):
 * <ul>
 * <li>{@value #CHURNED} connections to the churn server, each closed at once: churn;
 * <li>{@value #HELD} connections to the held server, open together for {@link #HOLD}, each
 * sending {@value #SENT} bytes and getting {@value #ANSWERED} back: long-lived;
 * <li>one connection to the reset server that the client aborts (SO_LINGER 0), which resets the
 * server's end;
 * <li>{@value #REFUSED} connects to a port that is bound but not listening: refused.
 * </ul>
 * It measures the lifetimes it causes on its own clock. Closing it closes the servers.
 */
final class KnownTraffic implements AutoCloseable {
	static final int CHURNED = 120;
	static final int HELD = 5;
	/** Over the 1 s median lifetime of churn, and short enough for a quick test. */
	static final Duration HOLD = Duration.ofMillis(1200);
	static final int SENT = 1000;
	static final int ANSWERED = 500;
	static final int REFUSED = 3;

	private final ServerSocketChannel churnServer = listen();
	private final ServerSocketChannel heldServer = listen();
	private final ServerSocketChannel resetServer = listen();
	// Bound and never listening, so connects to it are refused and no other socket takes its port.
	private final SocketChannel refusing = SocketChannel.open(StandardProtocolFamily.INET)
			.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
	final int churnPort = port(churnServer);
	final int heldPort = port(heldServer);
	final int resetPort = port(resetServer);
	final int refusedPort = port(refusing);
	final LifetimeBounds churned = new LifetimeBounds();
	final LifetimeBounds held = new LifetimeBounds();
	final LifetimeBounds reset = new LifetimeBounds();
	/** How long the churn took, first connect to last close. */
	long churnNanos;

	/** An open connection and when it was opened. */
	private record Open(SocketChannel client, SocketChannel accepted, long opening, long opened) {
	}

	KnownTraffic() throws IOException {
	}

	/** Makes all of the traffic; returns when every connection is closed. */
	void run() throws IOException, InterruptedException {
		List<Open> open = new ArrayList<>();
		for (int i = 0; i < HELD; i++) {
			open.add(open(heldServer));
			exchange(open.get(i));
		}
		// the rest happens while those are open, so the whole test takes about HOLD
		long churnStart = System.nanoTime();
		for (int i = 0; i < CHURNED; i++) {
			close(open(churnServer), churned);
		}
		churnNanos = System.nanoTime() - churnStart;
		abort(open(resetServer));
		for (int i = 0; i < REFUSED; i++) {
			refuse();
		}
		// rounded so that the last opened, and so every one, is open for at least HOLD
		long sinceLastOpened = System.nanoTime() - open.get(HELD - 1).opened();
		Thread.sleep(Math.max(0, HOLD.toMillis() - sinceLastOpened / 1_000_000));
		for (Open connection : open) {
			close(connection, held);
		}
	}

	private static Open open(ServerSocketChannel server) throws IOException {
		long opening = System.nanoTime();
		SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET);
		client.connect(server.getLocalAddress());
		return new Open(client, server.accept(), opening, System.nanoTime());
	}

	/** {@value #SENT} bytes from the client, {@value #ANSWERED} back, each read in full. */
	private static void exchange(Open connection) throws IOException {
		connection.client().socket().getOutputStream().write(new byte[SENT]);
		connection.accepted().socket().getInputStream().readNBytes(SENT);
		connection.accepted().socket().getOutputStream().write(new byte[ANSWERED]);
		connection.client().socket().getInputStream().readNBytes(ANSWERED);
	}

	/** The client closes first; the server closes once it has read the client's FIN. */
	private static void close(Open connection, LifetimeBounds bounds) throws IOException {
		long closing = System.nanoTime();
		connection.client().close();
		connection.accepted().socket().getInputStream().read();
		connection.accepted().close();
		bounds.add(connection.opening(), connection.opened(), closing, System.nanoTime());
	}

	/** SO_LINGER 0: the client's close sends a reset, which closes the server's end with ECONNRESET. */
	private void abort(Open connection) throws IOException {
		long closing = System.nanoTime();
		connection.client().setOption(StandardSocketOptions.SO_LINGER, 0);
		connection.client().close();
		connection.accepted().close();
		reset.add(connection.opening(), connection.opened(), closing, System.nanoTime());
	}

	private void refuse() throws IOException {
		try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
			client.connect(refusing.getLocalAddress());
			throw new AssertionError("connected to a port nobody listens on: " + refusedPort);
		} catch (ConnectException expected) {
			// ECONNREFUSED
		}
	}

	private static ServerSocketChannel listen() throws IOException {
		return ServerSocketChannel.open(StandardProtocolFamily.INET)
				.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
	}

	private static int port(NetworkChannel channel) throws IOException {
		return ((InetSocketAddress) channel.getLocalAddress()).getPort();
	}

	@Override
	public void close() throws IOException {
		try (churnServer; heldServer; resetServer; refusing) {
			// closed in reverse order
		}
	}
}
