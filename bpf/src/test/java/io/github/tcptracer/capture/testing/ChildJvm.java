package io.github.tcptracer.capture.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM running {@link SocketDriver}, optionally behind a wrapper command that execs it
 * ({@code ip netns exec NAME}, {@code unshare -m}), so its pid is the JVM's own.
 */
public final class ChildJvm implements AutoCloseable {
	private final Process process;
	private final BufferedReader out;
	private final PrintWriter in;
	private final long pid;

	private ChildJvm(Process process) throws IOException {
		this.process = process;
		this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		String ready = out.readLine();
		if (ready == null || !ready.startsWith("ready ")) {
			process.destroyForcibly();
			throw new IOException("child JVM did not start: " + ready);
		}
		this.pid = Long.parseLong(ready.substring(6).trim());
	}

	public static ChildJvm start(String... wrapper) throws IOException {
		return startWithClassPath(System.getProperty("java.class.path"), wrapper);
	}

	/** With a class path of its own: one a less privileged wrapper ({@code setpriv}) can read. */
	public static ChildJvm startWithClassPath(String classPath, String... wrapper) throws IOException {
		List<String> command = new ArrayList<>(List.of(wrapper));
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xshare:auto");
		command.add("-XX:TieredStopAtLevel=1");
		// No /tmp/hsperfdata_USER/PID: two children each pid 1 in a PID namespace of its own share it.
		command.add("-XX:-UsePerfData");
		command.add("-cp");
		command.add(classPath);
		command.add(SocketDriver.class.getName());
		return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
	}

	/** The pid the child JVM knows itself by (in a PID namespace of its own, that namespace's). */
	public long pid() {
		return pid;
	}

	/** The pid of what this started, as this JVM's namespace numbers it: the wrapper's, when there is one. */
	public long startedPid() {
		return process.pid();
	}

	/** Sends one command and returns the words after "ok"; fails on an error reply. */
	public String[] send(String command) throws IOException {
		in.println(command);
		String reply = out.readLine();
		if (reply == null || !reply.startsWith("ok")) {
			throw new IOException("child replied " + reply + " to " + command);
		}
		return reply.substring(2).trim().split(" ");
	}

	@Override
	public void close() throws InterruptedException {
		in.println("exit");
		if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}
}
