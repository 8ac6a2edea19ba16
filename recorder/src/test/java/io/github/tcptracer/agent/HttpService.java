package io.github.tcptracer.agent;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The small HTTP service of {@link AgentOverheadBench}, run in a child JVM: answers every
 * request with "ok" on loopback, prints {@code listening PORT}, and stops when stdin closes.
 * With {@code --await-agent} it first waits until the agent traces, so that the bench measures
 * a service under tracing from its first request.
 */
public final class HttpService {
	static final byte[] BODY = "ok".getBytes(StandardCharsets.US_ASCII);
	private static final String STATUS_PROPERTY = AgentStatus.PROPERTY; // a constant: inlined
	private static final int WORKERS = 2;

	private HttpService() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--await-agent")) {
			awaitTracing();
		}
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
		server.setExecutor(workers);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, BODY.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(BODY);
			}
		});
		server.start();
		System.out.println("listening " + server.getAddress().getPort());
		System.out.flush();
		while (System.in.read() >= 0) {
			// runs until the bench closes stdin
		}
		server.stop(0);
		workers.shutdownNow();
	}

	private static void awaitTracing() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			String status = System.getProperty(STATUS_PROPERTY);
			if (status != null && status.startsWith(AgentStatus.TRACING)) {
				return;
			}
			Thread.sleep(10);
		}
		throw new IOException("the agent is not tracing: " + System.getProperty(STATUS_PROPERTY));
	}
}
