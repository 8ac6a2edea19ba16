package io.github.tcptracer.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code tcptracer ARGS} run as a user runs it: a child JVM whose stdout is a pipe (so nothing
 * but the tracer's own flushing brings lines out early) and whose stderr goes to a file.
 */
final class TracerProcess implements AutoCloseable {
	private final Process process;
	private final BufferedReader out;
	private final File err;
	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
	private Thread reader;

	private TracerProcess(Process process, File err) {
		this.process = process;
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.err = err;
	}

	static TracerProcess start(String... args) throws IOException {
		return start(List.of(), args);
	}

	/** {@link #start(String...)} with these options to the JVM. */
	static TracerProcess start(List<String> javaOptions, String... args) throws IOException {
		return start(List.of(), javaOptions, args);
	}

	/** {@link #start(List, String...)} run by {@code wrapper} (e.g. {@code prlimit --fsize=N}). */
	static TracerProcess start(List<String> wrapper, List<String> javaOptions, String... args) throws IOException {
		File err = File.createTempFile("tcptracer-stderr", ".txt");
		err.deleteOnExit();
		return new TracerProcess(new ProcessBuilder(command(wrapper, javaOptions, args)).redirectError(err).start(),
				err);
	}

	/** The command line of {@code tcptracer ARGS} in a child JVM, run by {@code wrapper}. */
	static List<String> command(List<String> wrapper, List<String> javaOptions, String... args) {
		List<String> command = new ArrayList<>(wrapper);
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.addAll(javaOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
		command.addAll(List.of(args));
		return command;
	}

	/** The next line of stdout; blocks until it comes or stdout ends (then null). */
	String readLine() throws IOException {
		return out.readLine();
	}

	/**
	 * Waits for {@code count} lines of stdout that pass {@code matching} (skipping others) and
	 * returns them, or fails after {@code timeout}. Reads on a thread from then on, so call
	 * {@link #readLine} only before.
	 */
	List<String> awaitLines(Predicate<String> matching, int count, Duration timeout) throws InterruptedException {
		if (reader == null) {
			reader = new Thread(this::readAll, "tcptracer stdout");
			reader.setDaemon(true);
			reader.start();
		}
		List<String> found = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (found.size() < count) {
			String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (line == null) {
				throw new AssertionError("after " + timeout + " tcptracer had printed only " + found.size() + " of "
						+ count + " lines" + (found.isEmpty() ? "" : ", the last: " + found.get(found.size() - 1)));
			}
			if (matching.test(line)) {
				found.add(line);
			}
		}
		return found;
	}

	private void readAll() {
		try {
			for (String line; (line = out.readLine()) != null;) {
				lines.add(line);
			}
		} catch (IOException e) {
			// closed: the test is over
		}
	}

	/** Closes our end of the pipe, as {@code | head} does once it has enough. */
	void closeStdout() throws IOException {
		out.close();
	}

	boolean running() {
		return process.isAlive();
	}

	/**
	 * SIGTERM, as a service manager stops it: only the signal (Process.destroy() would also close
	 * our end of its stdout, and the trace would see its reader go away).
	 */
	void terminate() {
		process.toHandle().destroy();
	}

	/** The exit status; fails if it does not end in time. */
	int awaitExit(Duration timeout) throws InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("tcptracer did not end within " + timeout);
		}
		return process.exitValue();
	}

	String stderr() throws IOException {
		return Files.readString(err.toPath(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		process.destroyForcibly();
		out.close();
		err.delete();
	}
}
