package io.github.tcptracer.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the agent costs a service: {@link HttpService} in a child JVM with a JFR recording, with
 * and without the agent, alternating (ABBA) so that drift on a shared machine cancels, under
 * load from this JVM. Prints each round's requests per second and the median ratio
 * agent/baseline. On a machine others load too, throughput swings by tens of percent from round
 * to round; so it also prints the CPU time that the service and the load generator spend per
 * request (the agent's cost in the service, and the kernel's tracing cost in both), whose
 * ratio baseline/agent is the throughput ratio of a CPU-bound service, and is far steadier.
 *
 * <p>{@code java -cp recorder/target/test-classes io.github.tcptracer.agent.AgentOverheadBench
 * [--jar recorder/target/tcptracer.jar] [--mode churn|keepalive] [--rounds 10] [--seconds 4]
 * [--clients 2]}. {@code churn} opens a connection per request (three TCP events each: the worst
 * case for the agent); {@code keepalive} reuses one connection per client (a typical service).
 */
public final class AgentOverheadBench {
	private static final byte[] CHURN_REQUEST = request("close");
	private static final byte[] KEEPALIVE_REQUEST = request("keep-alive");
	/** Long enough for the JIT to have compiled the agent's path too: a service runs for hours. */
	private static final int WARMUP_SECONDS = 6;
	private static final com.sun.management.OperatingSystemMXBean OWN_CPU =
			(com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private final Path jar;
	private final boolean churn;
	private final int seconds;
	private final int clients;

	private AgentOverheadBench(Path jar, boolean churn, int seconds, int clients) {
		this.jar = jar;
		this.churn = churn;
		this.seconds = seconds;
		this.clients = clients;
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of("recorder/target/tcptracer.jar");
		String mode = "churn";
		int rounds = 10;
		int seconds = 4;
		int clients = 2;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--jar" -> jar = Path.of(args[++i]);
				case "--mode" -> mode = args[++i];
				case "--rounds" -> rounds = Integer.parseInt(args[++i]);
				case "--seconds" -> seconds = Integer.parseInt(args[++i]);
				case "--clients" -> clients = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		if (!mode.equals("churn") && !mode.equals("keepalive")) {
			throw new IllegalArgumentException("--mode churn or keepalive: " + mode);
		}
		new AgentOverheadBench(jar.toAbsolutePath(), mode.equals("churn"), seconds, clients).run(rounds, mode);
	}

	private void run(int rounds, String mode) throws Exception {
		System.out.printf(Locale.ROOT, "mode %s, %d rounds of %d s per side, %d clients%n", mode, rounds, seconds,
				clients);
		List<Double> throughputRatios = new ArrayList<>();
		List<Double> cpuRatios = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			boolean agentFirst = round % 2 == 1;
			Trial first = trial(agentFirst);
			Trial second = trial(!agentFirst);
			Trial baseline = agentFirst ? second : first;
			Trial agent = agentFirst ? first : second;
			throughputRatios.add(agent.requestsPerSecond() / baseline.requestsPerSecond());
			cpuRatios.add(baseline.cpuMicrosPerRequest() / agent.cpuMicrosPerRequest());
			System.out.printf(Locale.ROOT, "round %d: baseline %.0f req/s %s, agent %.0f req/s %s: throughput ratio"
					+ " %.3f, CPU ratio %.3f%n", round + 1, baseline.requestsPerSecond(), baseline.cpu(),
					agent.requestsPerSecond(), agent.cpu(), throughputRatios.get(round), cpuRatios.get(round));
		}
		System.out.printf(Locale.ROOT, "throughput ratio agent/baseline (%s): median %s%n", mode,
				summary(throughputRatios));
		System.out.printf(Locale.ROOT, "CPU per request ratio baseline/agent (%s): median %s%n", mode,
				summary(cpuRatios));
	}

	private static String summary(List<Double> ratios) {
		List<Double> sorted = new ArrayList<>(ratios);
		sorted.sort(null);
		int n = sorted.size();
		double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return String.format(Locale.ROOT, "%.3f, range %.3f-%.3f", median, sorted.get(0), sorted.get(n - 1));
	}

	/** One service JVM's measured seconds: requests, and CPU of the service and of this load generator. */
	private record Trial(long requests, double seconds, long serviceCpuNanos, long clientCpuNanos) {
		double requestsPerSecond() {
			return requests / seconds;
		}

		double cpuMicrosPerRequest() {
			return (serviceCpuNanos + clientCpuNanos) / 1000.0 / requests;
		}

		String cpu() {
			return String.format(Locale.ROOT, "%.1f us CPU/req (service %.1f)", cpuMicrosPerRequest(),
					serviceCpuNanos / 1000.0 / requests);
		}
	}

	private Trial trial(boolean withAgent) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:StartFlightRecording", "-Xlog:jfr+startup=off",
				// the server writes headers and body apart: without this, Nagle meets delayed ACKs
				"-Dsun.net.httpserver.nodelay=true"));
		if (withAgent) {
			command.add("-javaagent:" + jar);
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), HttpService.class.getName()));
		if (withAgent) {
			command.add("--await-agent");
		}
		Process service = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		try (OutputStream stdin = service.getOutputStream()) {
			BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
			String line = out.readLine();
			if (line == null || !line.startsWith("listening ")) {
				throw new IOException("the service did not start: " + line);
			}
			int port = Integer.parseInt(line.substring("listening ".length()));
			load(port, WARMUP_SECONDS);
			long serviceBefore = cpuNanos(service.pid());
			long clientBefore = OWN_CPU.getProcessCpuTime();
			long requests = load(port, seconds);
			return new Trial(requests, seconds, cpuNanos(service.pid()) - serviceBefore,
					OWN_CPU.getProcessCpuTime() - clientBefore);
		} finally {
			service.waitFor();
		}
	}

	/**
	 * CPU time of a process's threads, summed from /proc/PID/task/TID/schedstat (nanoseconds, where
	 * /proc/PID/stat counts 10 ms ticks). Threads that end between two readings drop out, which the
	 * service's long-lived threads do not.
	 */
	private static long cpuNanos(long pid) throws IOException {
		long total = 0;
		try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					total += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
				} catch (IOException ended) {
					// the thread ended after the listing
				}
			}
		}
		return total;
	}

	/** Requests completed by the clients in {@code duration} seconds. */
	private long load(int port, int duration) throws InterruptedException {
		LongAdder done = new LongAdder();
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Thread client = new Thread(() -> {
				try {
					if (churn) {
						while (!stop.get()) {
							try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
								socket.setTcpNoDelay(true);
								exchange(socket, CHURN_REQUEST);
							}
							done.increment();
						}
					} else {
						try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
							socket.setTcpNoDelay(true);
							while (!stop.get()) {
								exchange(socket, KEEPALIVE_REQUEST);
								done.increment();
							}
						}
					}
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}, "load-" + i);
			client.start();
			threads.add(client);
		}
		Thread.sleep(duration * 1000L);
		stop.set(true);
		for (Thread thread : threads) {
			thread.join();
		}
		return done.sum();
	}

	/** Sends one request and reads the response: headers, then the two-byte body. */
	private static void exchange(Socket socket, byte[] request) throws IOException {
		socket.getOutputStream().write(request);
		InputStream in = socket.getInputStream();
		int matched = 0;
		while (matched < 4) { // up to the blank line after the headers
			int b = in.read();
			if (b < 0) {
				throw new IOException("connection closed in the headers");
			}
			matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
		}
		for (int i = 0; i < HttpService.BODY.length; i++) {
			if (in.read() < 0) {
				throw new IOException("connection closed in the body");
			}
		}
	}

	private static byte[] request(String connection) {
		return ("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: " + connection + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
	}
}
