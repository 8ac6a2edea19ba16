package io.github.tcptracer.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpTracer;
import io.github.tcptracer.capture.TraceOptions;
import io.github.tcptracer.capture.TraceSink;
import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.jfr.TcpEventNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.unit.IQuantity;

/**
 * The whole path with the kernel: real loopback connections, traced, recorded to a file and read
 * back; the file says what the test did.
 */
class KernelRecordingTest {
	private static final int SELF = (int) ProcessHandle.current().pid();
	private static final int SENT = 1000;
	private static final int ANSWERED = 500;

	@TempDir
	Path dir;

	@Test
	void theFileHoldsWhatTheTestDid() throws Exception {
		Path file = dir.resolve("tcp.jfr");
		KernelClock clock = KernelClock.now();
		try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			int serverPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
			long before;
			long after;
			int clientPort;
			try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF))) {
				CountingSink sink = new CountingSink(JfrFileSink.open(file, Duration.ofMillis(100)), serverPort, 4);
				try (TraceLoopThread loop = TraceLoopThread.start(tracer, sink)) {
					before = System.nanoTime();
					clientPort = talk(server);
					after = System.nanoTime();
					assertTrue(sink.seen.await(5, TimeUnit.SECONDS), "connect, accept and two closes traced");
				}
			}
			Task me = Task.current();
			List<RecordedEvent> ours = RecordingFile.readAllEvents(file).stream()
					.filter(e -> e.hasField("localPort")
							&& (e.getInt("localPort") == serverPort || e.getInt("port") == serverPort))
					.toList();
			assertEquals(4, ours.size(), () -> "events on the test's connection: " + ours);
			RecordedEvent connect = single(ours, TcpEventNames.CONNECT);
			RecordedEvent accept = single(ours, TcpEventNames.ACCEPT);
			RecordedEvent clientClose = closeOf(ours, clientPort);
			RecordedEvent serverClose = closeOf(ours, serverPort);
			assertEquals(clientPort, connect.getInt("localPort"));
			assertEquals(serverPort, connect.getInt("port"));
			assertEquals(serverPort, accept.getInt("localPort"));
			assertEquals(clientPort, accept.getInt("port"));
			for (RecordedEvent event : ours) {
				assertEquals("127.0.0.1", event.getString("address"));
				assertEquals("127.0.0.1", event.getString("localAddress"));
				assertEquals(4, event.getInt("ipVersion"));
				assertEquals(SELF, event.getInt("pid"));
				assertEquals(me.tid, event.getInt("tid"), "the test thread made every call");
				assertEquals(me.comm, event.getString("command"));
				assertEquals(me.uid, event.getInt("uid"));
				assertEquals(me.netns, event.getLong("networkNamespace"));
				assertEquals(me.tid, event.getThread().getOSThreadId(), "the event thread is the task");
				assertEquals(me.comm, event.getThread().getJavaName());

				// The start time is the kernel's time of the event: within the test's calls.
				Instant start = event.getStartTime();
				assertEquals(0, Duration.between(event.getInstant("kernelTime"), start).toMillis(),
						"start time within a millisecond of the kernel time field");
				assertEquals(clock.toEpochNanos(event.getLong("kernelNanos")), epochNanos(start), 10_000_000,
						"start time is the kernel timestamp");
				assertTrue(epochNanos(start) >= clock.toEpochNanos(before) - 10_000_000
						&& epochNanos(start) <= clock.toEpochNanos(after) + 10_000_000, "while the test talked");
			}
			long talked = after - before;
			for (RecordedEvent close : List.of(clientClose, serverClose)) {
				long lifetime = close.getDuration("lifetime").toNanos();
				assertTrue(lifetime > 0 && lifetime <= talked, "lifetime " + lifetime + " within " + talked);
			}
			assertEquals(SENT, clientClose.getLong("bytesSent"));
			assertEquals(ANSWERED, clientClose.getLong("bytesReceived"));
			assertEquals(ANSWERED, serverClose.getLong("bytesSent"));
			assertEquals(SENT, serverClose.getLong("bytesReceived"));

			List<RecordedEvent> statistics = RecordingFile.readAllEvents(file).stream()
					.filter(e -> e.getEventType().getName().equals(TcpEventNames.STATISTICS)).toList();
			assertTrue(sum(statistics, "connects") >= 1 && sum(statistics, "accepts") >= 1
					&& sum(statistics, "closes") >= 2, "statistics count the events");
			assertEquals(0, sum(statistics, "lostEvents"));

			assertJmcReadsTheSame(file, serverPort, me);
			for (JfrTool jfr : JfrTool.installed()) {
				jfr.run("summary", file.toString());
				assertTrue(jfr.run("print", "--events", TcpEventNames.CLOSE, file.toString())
						.contains("bytesSent = " + SENT + " bytes"), jfr + " prints the close");
			}
		}
	}

	private static void assertJmcReadsTheSame(Path file, int serverPort, Task me) throws Exception {
		JmcItems jmc = JmcItems.load(file);
		for (String type : List.of(TcpEventNames.CONNECT, TcpEventNames.ACCEPT, TcpEventNames.CLOSE)) {
			List<Map<String, Object>> ours = jmc.events(type).stream()
					.filter(e -> ((IQuantity) e.get("localPort")).longValue() == serverPort
							|| ((IQuantity) e.get("port")).longValue() == serverPort)
					.toList();
			assertEquals(type.equals(TcpEventNames.CLOSE) ? 2 : 1, ours.size(), type);
			for (Map<String, Object> event : ours) {
				assertEquals(me.comm, ((IMCThread) event.get("eventThread")).getThreadName());
				assertEquals(me.tid, ((IQuantity) event.get("tid")).longValue());
			}
		}
	}

	/** Connects, accepts, sends {@link #SENT} bytes, answers {@link #ANSWERED}, closes both ends. */
	private static int talk(ServerSocketChannel server) throws IOException {
		try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
			client.connect(server.getLocalAddress());
			int clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
			try (SocketChannel accepted = server.accept()) {
				transfer(client, accepted, SENT);
				transfer(accepted, client, ANSWERED);
			}
			return clientPort;
		}
	}

	private static void transfer(SocketChannel from, SocketChannel to, int bytes) throws IOException {
		ByteBuffer out = ByteBuffer.allocate(bytes);
		while (out.hasRemaining()) {
			from.write(out);
		}
		ByteBuffer in = ByteBuffer.allocate(bytes);
		while (in.hasRemaining()) {
			to.read(in);
		}
	}

	private static RecordedEvent single(List<RecordedEvent> events, String type) {
		List<RecordedEvent> matching = events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
		assertEquals(1, matching.size(), type);
		return matching.get(0);
	}

	private static RecordedEvent closeOf(List<RecordedEvent> events, int localPort) {
		return events.stream().filter(e -> e.getEventType().getName().equals(TcpEventNames.CLOSE)
				&& e.getInt("localPort") == localPort).findFirst().orElseThrow();
	}

	private static long sum(List<RecordedEvent> events, String field) {
		return events.stream().mapToLong(e -> e.getLong(field)).sum();
	}

	private static long epochNanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	/** The calling thread as the kernel sees it. */
	private record Task(int tid, String comm, int uid, long netns) {
		static Task current() throws IOException {
			Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
			int tid = Integer.parseInt(self.getFileName().toString());
			String comm = Files.readString(Path.of("/proc/thread-self/comm")).strip();
			int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
			String net = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString(); // net:[4026531840]
			long netns = Long.parseLong(net.substring(net.indexOf('[') + 1, net.indexOf(']')));
			return new Task(tid, comm, uid, netns);
		}
	}

	/** Passes everything on, and counts down for events on one port. */
	private static final class CountingSink implements TraceSink {
		private final TraceSink next;
		private final int port;
		final CountDownLatch seen;

		CountingSink(TraceSink next, int port, int expected) {
			this.next = next;
			this.port = port;
			this.seen = new CountDownLatch(expected);
		}

		@Override
		public void onEvent(TcpEvent event) throws IOException {
			next.onEvent(event);
			if (event.localPort() == port || event.remotePort() == port) {
				seen.countDown();
			}
		}

		@Override
		public void afterPoll(long kernelLostTotal) throws IOException {
			next.afterPoll(kernelLostTotal);
		}

		@Override
		public void close() throws IOException {
			next.close();
		}
	}
}
