package io.github.tcptracer.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The application of the agent's tests, run in a child JVM: on loopback, thread
 * {@value #CLIENT_THREAD} makes N connections to a server whose thread {@value #ACCEPTOR_THREAD}
 * accepts them; both exchange one byte and close. It prints {@code server PORT}, then
 * {@code client PORT} per connection and {@code done}. The two threads stay alive (daemons) until
 * the JVM exits, so the agent can still name them when it reads their events.
 *
 * <p>Arguments: {@code [--connections N] [--await-agent WORD] [--await-stdin] [--virtual-client]}.
 * With {@code --await-agent} it first waits for the agent's status word ({@code tracing},
 * {@code failed}); with {@code --await-stdin} it waits for a line on stdin before it exits; with
 * {@code --virtual-client} (JDK 21 and later) the client is a virtual thread.
 */
public final class LoopbackTraffic {
	public static final String CLIENT_THREAD = "tcp-client";
	static final String ACCEPTOR_THREAD = "tcp-acceptor";
	private static final long AWAIT_SECONDS = 60;

	private LoopbackTraffic() {
	}

	public static void main(String[] args) throws Exception {
		int connections = 3;
		String awaitAgent = null;
		boolean awaitStdin = false;
		boolean virtualClient = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--connections" -> connections = Integer.parseInt(args[++i]);
				case "--await-agent" -> awaitAgent = args[++i];
				case "--await-stdin" -> awaitStdin = true;
				case "--virtual-client" -> virtualClient = true;
				default -> throw new IllegalArgumentException(args[i]);
			}
		}
		if (awaitAgent != null) {
			awaitAgent(awaitAgent);
		}
		run(connections, virtualClient);
		if (awaitStdin) {
			new BufferedReader(new InputStreamReader(System.in)).readLine();
		}
	}

	private static void awaitAgent(String word) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
		String status = null;
		while (System.nanoTime() < deadline) {
			status = System.getProperty(AgentStatus.PROPERTY);
			// only the constant (inlined) of AgentStatus: its class is hidden from applications
			if (status != null && (status.equals(word) || status.startsWith(word + ":"))) {
				return;
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("the agent's status is not " + word + ": " + status);
	}

	/** Makes the connections; returns when both sides have closed them all. */
	static void run(int connections) throws Exception {
		run(connections, false);
	}

	private static void run(int connections, boolean virtualClient) throws Exception {
		ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		System.out.println("server " + server.getLocalPort());
		CountDownLatch accepted = new CountDownLatch(connections);
		CountDownLatch connected = new CountDownLatch(connections);
		daemon(ACCEPTOR_THREAD, () -> {
			for (int i = 0; i < connections; i++) {
				try (Socket socket = server.accept()) {
					socket.getOutputStream().write(socket.getInputStream().read());
					socket.getInputStream().read(); // the client's close
				}
				accepted.countDown();
			}
		});
		Work client = () -> {
			for (int i = 0; i < connections; i++) {
				try (Socket socket = new Socket(server.getInetAddress(), server.getLocalPort())) {
					synchronized (System.out) {
						System.out.println("client " + socket.getLocalPort());
					}
					socket.getOutputStream().write(1);
					socket.getInputStream().read();
				}
				connected.countDown();
			}
		};
		if (virtualClient) {
			virtual(CLIENT_THREAD, client);
		} else {
			daemon(CLIENT_THREAD, client);
		}
		if (!connected.await(AWAIT_SECONDS, TimeUnit.SECONDS) || !accepted.await(AWAIT_SECONDS, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the connections did not finish");
		}
		server.close();
		System.out.println("done");
		System.out.flush();
	}

	private interface Work {
		void run() throws IOException;
	}

	private static void daemon(String name, Work work) {
		Thread thread = new Thread(() -> {
			try {
				work.run();
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			try {
				Thread.sleep(Long.MAX_VALUE); // stay nameable until the JVM exits
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** {@code Thread.ofVirtual().name(name).start(work)}, called by reflection: this class is Java 17. */
	private static void virtual(String name, Work work) throws ReflectiveOperationException {
		Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
		Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
		builder = ofVirtual.getMethod("name", String.class).invoke(builder, name);
		ofVirtual.getMethod("start", Runnable.class).invoke(builder, (Runnable) () -> {
			try {
				work.run();
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}
}
