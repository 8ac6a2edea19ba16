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
import java.util.concurrent.locks.LockSupport;

/**
 * Connect/accept/close as fast as the machine allows on loopback. Clients close with SO_LINGER 0
 * (a reset), so no TIME_WAIT caps the rate: it is CPU-bound, which is what the bench measures.
 *
 * <p>Clients never get more than {@link #MOST_UNACCEPTED} connections ahead of the acceptors. The
 * scheduler can leave every acceptor waiting for tens of milliseconds while the clients run; the
 * accept queue ({@code net.core.somaxconn}, 4096) then fills, the kernel drops each client's next
 * SYN, and every client waits out the 1 s retransmission timeout: the churn stops for a second
 * (seen with 4 clients on 2 vCPUs, traced or not), which measures the scheduler, not the CPU.
 */
final class LoopbackChurn implements Churn {
	/** A quarter of the default accept queue: the clients' checks overshoot it by little. */
	static final long MOST_UNACCEPTED = 1024;
	/** Connections between a client's checks: the sums read every counter's cells. */
	static final int CHECK_EVERY = 16;
	/** A client's nap while it waits: a tenth of a millisecond, a few hundred connections. */
	private static final long WAIT_NANOS = 100_000;
	private final ServerSocketChannel server;
	private final InetSocketAddress address;
	private final LongAdder connections = new LongAdder();
	private final LongAdder accepted = new LongAdder();
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
		for (long attempts = 0; running.get(); attempts++) {
			if (attempts % CHECK_EVERY == 0) {
				waitForAcceptors();
			}
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

	/** Parks while the acceptors are too far behind. */
	private void waitForAcceptors() {
		while (running.get() && connections.sum() - accepted.sum() > MOST_UNACCEPTED) {
			LockSupport.parkNanos(WAIT_NANOS);
		}
	}

	private void acceptLoop() {
		while (running.get()) {
			try {
				server.accept().close();
				accepted.increment();
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
