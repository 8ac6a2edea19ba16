package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built command against the real kernel (root, BTF): tcptracer runs as a child JVM traced
 * with {@code -p <this JVM>}, and this JVM makes one IPv4 loopback connection.
 */
class TraceCommandKernelTest {
	private static final String BANNER = "Tracing TCP established connections. Ctrl-C to end.";
	private static final String HEADER =
			"T  PID    COMM             IP SADDR            DADDR            SPORT  DPORT ";
	private static final String VERBOSE_HEADER =
			"TYPE         PID    COMM             IP SADDR            DADDR            SPORT  DPORT  NETNS   ";
	/** JVM start and BPF load on a busy machine. */
	private static final Duration START = Duration.ofSeconds(60);
	/** Lines are flushed after every 20 ms poll; this only has to be well past that. */
	private static final Duration LINE_LATENCY = Duration.ofSeconds(3);
	private static final Duration STOP = Duration.ofSeconds(20);
	private static final String PID = Long.toString(ProcessHandle.current().pid());

	@BeforeAll
	static void needsBpf() {
		BpfRequirement.require();
	}

	@Test
	void printsTheLinesOfAConnectionThroughAPipe() throws Exception {
		try (TracerProcess plain = TracerProcess.start("-p", PID);
				TracerProcess verbose = TracerProcess.start("-v", "-p", PID)) {
			awaitPreamble(plain, HEADER);
			awaitPreamble(verbose, VERBOSE_HEADER);

			Connection connection = Connection.make();

			// Each child still runs: a line shows up only because the tracer flushed it.
			String c = connection.clientPort + "";
			String s = connection.serverPort + "";
			assertEquals(sorted(
					line("C", connection, c, s), line("A", connection, s, c),
					line("X", connection, c, s), line("X", connection, s, c)),
					sorted(plain.awaitLines(connection::isItsLine, 4, LINE_LATENCY)));
			long netns = networkNamespace();
			assertEquals(sorted(
					verboseLine("connect", connection, c, s, netns), verboseLine("accept", connection, s, c, netns),
					verboseLine("close", connection, c, s, netns), verboseLine("close", connection, s, c, netns)),
					sorted(verbose.awaitLines(connection::isItsLine, 4, LINE_LATENCY)));

			for (TracerProcess tracer : List.of(plain, verbose)) {
				tracer.terminate();
				assertEquals(0, tracer.awaitExit(STOP), "exit status after SIGTERM");
				assertEquals("", tracer.stderr());
			}
		}
	}

	@Test
	void endsQuietlyWhenItsReaderGoesAway() throws Exception {
		try (TracerProcess tracer = TracerProcess.start("-p", PID)) {
			awaitPreamble(tracer, HEADER);
			tracer.closeStdout();
			Connection.make();
			assertEquals(0, tracer.awaitExit(STOP), "exit status after EPIPE");
			assertEquals("", tracer.stderr());
		}
	}

	/**
	 * A reader that stops reading without going away ({@code | less}) holds the trace up in a
	 * write. SIGTERM still ends it with exit 0, giving up the lines the reader did not take, and
	 * the recording still gets every event: one connect for each connection made.
	 */
	@Test
	void stopsWhileItsReaderDoesNotRead(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("trace.jfr");
		int connections = MORE_THAN_A_PIPE_HOLDS;
		try (TracerProcess tracer = TracerProcess.start("-o", file.toString(), "-p", PID)) {
			awaitPreamble(tracer, HEADER); // and read no more
			connect(connections);
			Thread.sleep(500); // for the trace to take them in
			tracer.terminate();
			assertEquals(0, tracer.awaitExit(STOP), "exit status after SIGTERM");
			assertEquals("", tracer.stderr());
		}
		long connects = RecordingFile.readAllEvents(file).stream()
				.filter(e -> e.getEventType().getName().equals("io.github.tcptracer.TcpConnect")).count();
		assertEquals(connections, connects, "connects recorded");
	}

	/**
	 * A stdout pipe made non-blocking (its open file is shared, so another process may do it)
	 * answers EAGAIN while full: the trace waits for the reader instead of taking it for gone.
	 */
	@Test
	void waitsForAFullNonBlockingPipe() throws Exception {
		int connections = MORE_THAN_A_PIPE_HOLDS;
		List<String> nonBlockingStdout = List.of("perl", "-e",
				"use Fcntl; fcntl(STDOUT, F_SETFL, fcntl(STDOUT, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV or die");
		try (TracerProcess tracer = TracerProcess.start(nonBlockingStdout, List.of(), "-p", PID)) {
			awaitPreamble(tracer, HEADER); // and read no more until every connection is made
			connect(connections);
			List<String> lines = tracer.awaitLines(line -> true, 4 * connections, STOP);
			assertEquals(connections, lines.stream().filter(line -> line.startsWith("C ")).count(), "connect lines");
			tracer.terminate();
			assertEquals(0, tracer.awaitExit(STOP), "exit status after SIGTERM");
			assertEquals("", tracer.stderr());
		}
	}

	/**
	 * Connections whose lines (about 320 bytes each) fill the pipe (64 KiB), the stream's buffer
	 * and the lines not yet handed to it (64 KiB each) several times over.
	 */
	private static final int MORE_THAN_A_PIPE_HOLDS = 1500;

	/** {@code count} loopback connections from this JVM, each reset rather than closed (no TIME_WAIT). */
	private static void connect(int count) throws Exception {
		int[] made = {0};
		connectWhile(() -> made[0]++ < count);
	}

	/**
	 * The file cannot grow any more (here a file size limit, above what JNA unpacks; a full disk is the same): the command
	 * ends with one line, and the file keeps the chunks written before, readable (a chunk cut
	 * short by the failed write would make the JDK's parser reject the whole file).
	 */
	@Test
	void aFileThatCannotGrowKeepsWhatWasRecorded(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("trace.jfr");
		try (TracerProcess tracer = TracerProcess.start(List.of("prlimit", "--fsize=400000"), List.of(), "-q", "-o",
				file.toString(), "--flush-interval", "0.1", "-p", PID)) {
			connectWhile(tracer::running);
			assertEquals(1, tracer.awaitExit(STOP));
			assertEquals("tcptracer: cannot write " + file + ": File too large (it keeps the events recorded before,"
					+ " in whole chunks)\n", tracer.stderr());
		}
		List<RecordedEvent> events = RecordingFile.readAllEvents(file); // the JDK's parser: the whole file or nothing
		assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("io.github.tcptracer.TcpConnect")),
				() -> "connects recorded before the failure: " + events.size() + " events");
	}

	/**
	 * Standard output is a file that cannot take more (a file size limit here; a full disk is the
	 * same): unlike a reader that went away, that is an error, said in one line with exit 1.
	 */
	@Test
	void anOutputFileThatCannotGrowIsAnError(@TempDir Path directory) throws Exception {
		Path lines = directory.resolve("lines.txt");
		Path errors = directory.resolve("stderr.txt");
		Process tracer = new ProcessBuilder(TracerProcess.command(List.of("prlimit", "--fsize=400000"), List.of(),
				"-p", PID)).redirectOutput(lines.toFile()).redirectError(errors.toFile()).start();
		try {
			connectWhile(tracer::isAlive);
			assertTrue(tracer.waitFor(STOP.toSeconds(), java.util.concurrent.TimeUnit.SECONDS), "still running");
			assertEquals(1, tracer.exitValue());
			assertEquals("tcptracer: cannot write standard output: File too large\n", Files.readString(errors));
		} finally {
			tracer.destroyForcibly();
		}
	}

	/**
	 * Loopback connections from this JVM while {@code more} holds (at most {@link #STOP}), each reset
	 * rather than closed: thousands of them leave no TIME_WAIT to run out of ports.
	 */
	private static void connectWhile(BooleanSupplier more) throws Exception {
		try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
			server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
			long deadline = System.nanoTime() + STOP.toNanos();
			while (more.getAsBoolean() && System.nanoTime() < deadline) {
				try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
					client.connect(server.getLocalAddress());
					server.accept().close();
					client.setOption(StandardSocketOptions.SO_LINGER, 0);
				}
				Thread.sleep(1);
			}
		}
	}

	@Test
	void saysInOneLineThatJnaCannotUnpackItsLibrary(@TempDir Path directory) throws Exception {
		// A directory JNA cannot create (its parent is a file), like a read-only one: found before
		// JNA would log it through java.util.logging with a stack trace.
		Path notADirectory = Files.createFile(directory.resolve("file")).resolve("jna");
		try (TracerProcess tracer = TracerProcess.start(List.of("-Djna.tmpdir=" + notADirectory), "-p", PID)) {
			assertEquals(1, tracer.awaitExit(STOP));
			assertEquals(null, tracer.readLine(), "no banner");
			String stderr = tracer.stderr();
			assertEquals(1, stderr.lines().count(), () -> "one line: " + stderr);
			assertEquals("tcptracer: cannot load JNA's native library (JNA temporary directory '" + notADirectory
					+ "' does not exist): JNA unpacks it into a directory that must be writable and allow"
					+ " executables; name one with -Djna.tmpdir=DIR (e.g. in JAVA_TOOL_OPTIONS)\n", stderr);
		}
	}

	@Test
	void stopsAfterTheDuration() throws Exception {
		try (TracerProcess tracer = TracerProcess.start("-d", "0.5", "-p", PID)) {
			awaitPreamble(tracer, HEADER);
			assertEquals(0, tracer.awaitExit(STOP));
			assertEquals(null, tracer.readLine());
			assertEquals("", tracer.stderr());
		}
	}

	/** libbpf's own log is quiet (above: nothing on stderr) unless asked for. */
	@Test
	void showsLibbpfsLogWhenAsked() throws Exception {
		try (TracerProcess tracer = TracerProcess.start(List.of("env", "TCPTRACER_DEBUG=1"), List.of(), "-d", "0.5",
				"-p", PID)) {
			awaitPreamble(tracer, HEADER);
			assertEquals(0, tracer.awaitExit(STOP));
			String stderr = tracer.stderr();
			assertTrue(stderr.lines().anyMatch(line -> line.startsWith("libbpf: ")), stderr);
			assertTrue(stderr.contains("handle_set_state"), () -> "the log names the programs: " + stderr);
		}
	}

	@Test
	void recordsQuietlyIntoAFile(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("trace.jfr");
		try (TracerProcess tracer = TracerProcess.start("-q", "-o", file.toString(), "-d", "0.5", "-p", PID)) {
			assertEquals(0, tracer.awaitExit(STOP));
			assertEquals(null, tracer.readLine(), "-q prints nothing");
			assertEquals("", tracer.stderr());
		}
		assertTrue(Files.size(file) > 0, "a recording was written");
	}

	@Test
	void refusesAFileItCannotRecordInto(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("missing/trace.jfr");
		try (TracerProcess tracer = TracerProcess.start("-o", file.toString(), "-p", PID)) {
			assertEquals(1, tracer.awaitExit(STOP));
			assertEquals(null, tracer.readLine(), "no banner before the file is open");
			String stderr = tracer.stderr();
			assertTrue(stderr.startsWith("tcptracer: ") && stderr.contains(file.toString())
					&& stderr.indexOf('\n') == stderr.length() - 1, "one line naming the file: " + stderr);
		}
	}

	private static void awaitPreamble(TracerProcess tracer, String header) throws Exception {
		long deadline = System.nanoTime() + START.toNanos();
		String first = tracer.readLine();
		if (first == null && System.nanoTime() < deadline) {
			// stdout ended at once: tcptracer could not start; stderr says why.
			throw new AssertionError("tcptracer ended: " + tracer.stderr());
		}
		assertEquals(BANNER, first);
		assertEquals(header, tracer.readLine());
	}

	/** bcc's event line, formatted here from its format strings (ASCII only, so %-16s is right). */
	private static String line(String type, Connection connection, String localPort, String remotePort) {
		return String.format("%-2s %-6d %-16s %-2d %-16s %-16s %-6s %-6s", type, connection.pid,
				connection.command, 4, "127.0.0.1", "127.0.0.1", localPort, remotePort);
	}

	private static String verboseLine(String type, Connection connection, String localPort, String remotePort,
			long netns) {
		return String.format("%-12s %-6d %-16s %-2d %-16s %-16s %-6s %-6s %-8d", type, connection.pid,
				connection.command, 4, "127.0.0.1", "127.0.0.1", localPort, remotePort, netns);
	}

	private static List<String> sorted(String... lines) {
		return sorted(List.of(lines));
	}

	private static List<String> sorted(List<String> lines) {
		return lines.stream().sorted().toList();
	}

	/** This process's network namespace inode, from the link /proc/self/ns/net -> net:[4026531840]. */
	private static long networkNamespace() throws IOException {
		String link = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
		return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
	}

	/** One IPv4 loopback connection, connected, accepted and closed by one thread of this JVM. */
	private static final class Connection {
		final long pid = ProcessHandle.current().pid();
		final String command;
		final int clientPort;
		final int serverPort;

		private Connection(String command, int clientPort, int serverPort) {
			this.command = command;
			this.clientPort = clientPort;
			this.serverPort = serverPort;
		}

		static Connection make() throws IOException {
			// The thread's comm, which the kernel reports for all three events.
			String command = Files.readString(Path.of("/proc/thread-self/comm")).strip();
			// INET channels: Java's default dual-stack sockets would be IPv6 (::ffff:127.0.0.1).
			try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
				server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
				int serverPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
				try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
					client.connect(server.getLocalAddress());
					int clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
					server.accept().close();
					return new Connection(command, clientPort, serverPort);
				}
			}
		}

		/** A line whose ports are this connection's (the tracer may see other sockets of this JVM). */
		boolean isItsLine(String line) {
			List<String> fields = List.of(line.trim().split("\\s+"));
			return fields.contains(Integer.toString(clientPort)) && fields.contains(Integer.toString(serverPort));
		}
	}
}
