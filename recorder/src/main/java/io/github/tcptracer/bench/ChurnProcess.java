package io.github.tcptracer.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The churn in a child JVM ({@code tcptracer bench-churn}), so that the tracer's garbage
 * collections and threads do not stop or slow the workload it measures, just as the real
 * tracer is a process of its own. The child answers each line on its stdin with its count.
 */
final class ChurnProcess implements Churn {
	static final String VERB = "bench-churn";
	private final Process process;
	private final BufferedReader replies;
	private final PrintWriter requests;

	ChurnProcess(int clients) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command()
				.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.add("-XX:+UseSerialGC");
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			command.addAll(List.of("-jar", classPath)); // the tcptracer.jar this bench runs from
		} else {
			command.addAll(List.of("-cp", classPath, "io.github.tcptracer.cli.Main"));
		}
		command.addAll(List.of(VERB, Integer.toString(clients)));
		process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		requests = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		String ready = replies.readLine();
		if (!"ready".equals(ready)) {
			close();
			throw new IOException("the churn process did not start: " + ready);
		}
	}

	@Override
	public long connections() throws IOException {
		requests.println();
		String count = replies.readLine();
		if (count == null) {
			throw new IOException("the churn process ended");
		}
		return Long.parseLong(count.trim());
	}

	/** Whether the child has ended (after {@link #close()}). */
	boolean exited() {
		return !process.isAlive();
	}

	@Override
	public void close() throws IOException {
		requests.close(); // end of its stdin: it stops
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}
}
