package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.jfr.TcpCloseEvent;
import io.github.tcptracer.jfr.TcpEventFields;
import io.github.tcptracer.jfr.TcpEventNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The TCP events {@link LoopbackTraffic} must leave in a recording, from the ports it printed,
 * checked against what the recording holds: exactly those events, and statistics that count them.
 */
public final class ExpectedTraffic {
	private static final Set<String> CONNECTION_EVENTS = Set.of(TcpEventNames.CONNECT, TcpEventNames.ACCEPT,
			TcpEventNames.CLOSE, TcpEventNames.CONNECT_FAILED);

	/** What identifies an event here; the Java thread's name and the comm are both checked. */
	private record Key(String type, int localPort, int port, String javaThread, String command) {
	}

	private final int serverPort;
	private final List<Integer> clientPorts = new ArrayList<>();

	/** Reads the child's {@code server PORT} and {@code client PORT} lines. */
	public ExpectedTraffic(List<String> childOutput) {
		int server = -1;
		for (String line : childOutput) {
			if (line.startsWith("server ")) {
				server = Integer.parseInt(line.substring(7));
			} else if (line.startsWith("client ")) {
				clientPorts.add(Integer.parseInt(line.substring(7)));
			}
		}
		assertTrue(server > 0 && !clientPorts.isEmpty(), "the child printed no ports: " + childOutput);
		this.serverPort = server;
	}

	/** The port the child's server listened on: the one endpoint of all its connections. */
	public int serverPort() {
		return serverPort;
	}

	/** How many connections the child made (and accepted). */
	public int connections() {
		return clientPorts.size();
	}

	private List<Key> expected() {
		List<Key> keys = new ArrayList<>();
		String client = LoopbackTraffic.CLIENT_THREAD;
		String acceptor = LoopbackTraffic.ACCEPTOR_THREAD;
		for (int clientPort : clientPorts) {
			keys.add(new Key(TcpEventNames.CONNECT, clientPort, serverPort, client, client));
			keys.add(new Key(TcpEventNames.ACCEPT, serverPort, clientPort, acceptor, acceptor));
			keys.add(new Key(TcpEventNames.CLOSE, clientPort, serverPort, client, client));
			keys.add(new Key(TcpEventNames.CLOSE, serverPort, clientPort, acceptor, acceptor));
		}
		keys.sort(Comparator.comparing(Key::toString));
		return keys;
	}

	/**
	 * Checks that the recording holds exactly the expected events, all of process {@code pid}
	 * with the given family and address, and statistics events that add up to them.
	 */
	public void assertRecorded(Path recording, long pid, int ipVersion, String address) throws IOException {
		List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
		List<Key> actual = new ArrayList<>();
		long connects = 0;
		long accepts = 0;
		long closes = 0;
		long lostOrDropped = 0;
		int statistics = 0;
		for (RecordedEvent event : events) {
			String type = event.getEventType().getName();
			if (CONNECTION_EVENTS.contains(type)) {
				actual.add(key(event));
				assertEquals(pid, event.getInt(TcpEventFields.PID), () -> "pid of " + event);
				assertEquals(ipVersion, event.getInt(TcpEventFields.IP_VERSION), () -> "family of " + event);
				assertEquals(address, event.getString(TcpEventFields.ADDRESS), () -> "address of " + event);
				assertEquals(address, event.getString(TcpEventFields.LOCAL_ADDRESS), () -> "address of " + event);
				assertTrue(event.getLong(TcpEventFields.KERNEL_NANOS) > 0, () -> "kernel time of " + event);
				RecordedThread thread = event.getThread("javaThread");
				assertEquals(event.getInt(TcpEventFields.TID), thread.getOSThreadId(), () -> "tid of " + event);
				if (type.equals(TcpEventNames.CLOSE)) {
					assertEquals(TcpCloseEvent.BY_CALLER, event.getString(TcpEventFields.ATTRIBUTION));
				}
			} else if (type.equals(TcpEventNames.STATISTICS)) {
				statistics++;
				connects += event.getLong(TcpEventFields.CONNECTS);
				accepts += event.getLong(TcpEventFields.ACCEPTS);
				closes += event.getLong(TcpEventFields.CLOSES);
				lostOrDropped += event.getLong(TcpEventFields.LOST_EVENTS) + event.getLong(TcpEventFields.DROPPED_EVENTS);
			}
		}
		actual.sort(Comparator.comparing(Key::toString));
		assertEquals(expected(), actual, "the recording's TCP events");
		assertTrue(statistics > 0, "no statistics event");
		assertEquals(List.of((long) clientPorts.size(), (long) clientPorts.size(), 2L * clientPorts.size(), 0L),
				List.of(connects, accepts, closes, lostOrDropped), "connects, accepts, closes, lost+dropped counted");
	}

	/** Checks the agent's lines file: bcc's header, then one line per expected event. */
	void assertLines(List<String> lines, long pid) {
		assertTrue(!lines.isEmpty() && lines.get(0).startsWith("T  PID    COMM"), () -> "header: " + lines);
		List<String> actual = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.trim().split(" +");
			assertEquals(Long.toString(pid), columns[1], () -> "pid in " + line);
			actual.add(columns[0] + " " + columns[2] + " " + columns[6] + " " + columns[7]);
		}
		List<String> expected = new ArrayList<>();
		for (Key key : expected()) {
			String letter = key.type().equals(TcpEventNames.CONNECT) ? "C"
					: key.type().equals(TcpEventNames.ACCEPT) ? "A" : "X";
			expected.add(letter + " " + key.command() + " " + key.localPort() + " " + key.port());
		}
		actual.sort(null);
		expected.sort(null);
		assertEquals(expected, actual, "the lines file");
	}

	private static Key key(RecordedEvent event) {
		RecordedThread thread = event.getThread("javaThread");
		return new Key(event.getEventType().getName(), event.getInt(TcpEventFields.LOCAL_PORT),
				event.getInt(TcpEventFields.PORT), thread == null ? null : thread.getJavaName(),
				event.getString(TcpEventFields.COMMAND));
	}
}
