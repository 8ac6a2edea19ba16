package io.github.tcptracer.analysis.connections;

import io.github.tcptracer.analysis.input.TcpEvent;
import io.github.tcptracer.analysis.input.TcpEventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts that need only the events one at a time, taken in a single pass: a million events make
 * every extra pass and every boxed number show in the report's run time.
 */
public final class EventTally {
	/** Connects by one thread of one process; command is the thread's name (comm). */
	public static final class ThreadConnects {
		private final int pid;
		private final int tid;
		private final String command;
		private long connects;

		ThreadConnects(int pid, int tid, String command) {
			this.pid = pid;
			this.tid = tid;
			this.command = command;
		}

		public int pid() {
			return pid;
		}

		public int tid() {
			return tid;
		}

		public String command() {
			return command;
		}

		public long connects() {
			return connects;
		}
	}

	private record ThreadKey(int pid, int tid) {
	}

	private final long[] perKind = new long[TcpEventKind.values().length];
	private long firstMillis = Long.MAX_VALUE;
	private long lastMillis = Long.MIN_VALUE;
	private final LongList connectMillis = new LongList();
	private final LongList acceptMillis = new LongList();
	private final Map<ThreadKey, ThreadConnects> threads = new LinkedHashMap<>();
	private final Map<Integer, Long> acceptsPerPort = new LinkedHashMap<>();
	private final Map<String, Long> acceptsPerPeer = new LinkedHashMap<>();
	private final List<TcpEvent> failedConnects = new ArrayList<>();

	EventTally(List<TcpEvent> events) {
		for (TcpEvent event : events) {
			perKind[event.kind().ordinal()]++;
			firstMillis = Math.min(firstMillis, event.kernelTimeMillis());
			lastMillis = Math.max(lastMillis, event.kernelTimeMillis());
			if (event.kind() == TcpEventKind.CONNECT) {
				connectMillis.add(event.kernelTimeMillis());
				threads.computeIfAbsent(new ThreadKey(event.pid(), event.tid()),
						key -> new ThreadConnects(key.pid, key.tid, event.command())).connects++;
			} else if (event.kind() == TcpEventKind.ACCEPT) {
				acceptMillis.add(event.kernelTimeMillis());
				acceptsPerPort.merge(event.localPort(), 1L, Long::sum);
				acceptsPerPeer.merge(event.address(), 1L, Long::sum);
			} else if (event.kind() == TcpEventKind.CONNECT_FAILED) {
				failedConnects.add(event);
			}
		}
	}

	public long count(TcpEventKind kind) {
		return perKind[kind.ordinal()];
	}

	/** The failed connects, in recording order. */
	List<TcpEvent> failedConnects() {
		return failedConnects;
	}

	/** Wall-clock time of the first and last event; meaningless when there are none. */
	public long firstMillis() {
		return firstMillis;
	}

	public long lastMillis() {
		return lastMillis;
	}

	/** Wall-clock times of the connects (or accepts), in no particular order. */
	public long[] openMillis(TcpEventKind kind) {
		return (kind == TcpEventKind.ACCEPT ? acceptMillis : connectMillis).toArray();
	}

	/** Threads that connected, in the order first seen. */
	public Iterable<ThreadConnects> threads() {
		return threads.values();
	}

	public Map<Integer, Long> acceptsPerPort() {
		return acceptsPerPort;
	}

	public Map<String, Long> acceptsPerPeer() {
		return acceptsPerPeer;
	}

	/** Local ports the recording saw accepts on. */
	public boolean isListeningPort(int localPort) {
		return acceptsPerPort.containsKey(localPort);
	}
}
