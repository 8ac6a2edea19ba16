package io.github.tcptracer.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Connect/accept/close as fast as the machine allows on loopback. Clients close with SO_LINGER 0
 * (a reset), so no TIME_WAIT caps the rate: it is CPU-bound, which is what the bench measures.
 */
final class LoopbackChurn implements Churn {
	private final ServerSocketChannel server;
	private final InetSocketAddress address;
	private final LongAdder connections = new LongAdder();
	private final AtomicBoolean running = new AtomicBoolean(true);
	private final List<Thread> threads = new ArrayList<>();

	LoopbackChurn(int clients, int acceptors) throws IOException {
		server = ServerSocketChannel.open(StandardProtocolFamily.INET);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
		address = (InetSocketAddress) server.getLocalAddress();
		for (int i = 0; i < acceptors; i++) {
			threads.add(start("churn-acceptor-" + i, this::acceptLoop));
		}
		for (int i = 0; i < clients; i++) {
			threads.add(start("churn-client-" + i, this::connectLoop));
		}
	}

	private static Thread start(String name, Runnable body) {
		Thread thread = new Thread(body, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	@Override
	public long connections() {
		return connections.sum();
	}

	private void connectLoop() {
		while (running.get()) {
			try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
				client.connect(address);
				client.setOption(StandardSocketOptions.SO_LINGER, 0);
				connections.increment();
			} catch (IOException e) {
				if (running.get()) {
					Thread.onSpinWait(); // backlog full for a moment: try again
				}
			}
		}
	}

	private void acceptLoop() {
		while (running.get()) {
			try {
				server.accept().close();
			} catch (IOException e) {
				return; // closed
			}
		}
	}

	@Override
	public void close() throws IOException {
		running.set(false);
		server.close();
		for (Thread thread : threads) {
			try {
				thread.join(2000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
