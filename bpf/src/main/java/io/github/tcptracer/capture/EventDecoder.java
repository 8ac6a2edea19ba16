package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.EventLayout.*;

import java.nio.ByteBuffer;

/**
 * Turns ring-buffer records into {@link TcpEvent}s, pairing each close with its connection's
 * connect or accept (by the struct sock address) for its lifetime, its sent bytes and, when no
 * process made it, its task. Not thread-safe: one per reader, fed in time order.
 */
final class EventDecoder {
	private final TextCache commands = new TextCache(EventDecoder::command);
	private final TextCache ipv4 = new TextCache(raw -> IpAddressFormat.ipv4(raw, 0));
	private final TextCache ipv6 = new TextCache(raw -> IpAddressFormat.ipv6(raw, 0));
	private final ConnectionTable open;
	private final boolean taskFilter;

	/**
	 * @param maxConnections open connections remembered for pairing
	 * @param taskFilter     only some tasks are traced (-p, --cgroupmap, --mntnsmap): a close
	 *                       no process made is kept only when its connection's open was
	 */
	EventDecoder(int maxConnections, boolean taskFilter) {
		this.open = new ConnectionTable(maxConnections);
		this.taskFilter = taskFilter;
	}

	/** Connections seen open and not yet closed. */
	int openConnections() {
		return open.size();
	}

	/** {@code record} must be in native (little-endian) order; null for a record not to report. */
	TcpEvent decode(ByteBuffer record, int at) {
		TcpEventType type = TcpEventType.of(record.get(at + TYPE) & 0xff);
		long sock = record.getLong(at + SOCK);
		long time = record.getLong(at + TS_NS);
		int pid = record.getInt(at + PID);
		int tid = record.getInt(at + TID);
		int uid = record.getInt(at + UID);
		String command = commands.lookup(record.getLong(at + COMM), record.getLong(at + COMM + 8), record,
				at + COMM, COMM_LENGTH);
		Attribution attribution = Attribution.of(record.get(at + ATTRIBUTION) & 0xff);
		int error = record.getInt(at + ERROR);
		long start = record.getLong(at + START_NS);
		long bytesSent = record.getLong(at + BYTES_ACKED);
		if ((type == TcpEventType.CONNECT || type == TcpEventType.ACCEPT) && error == 0) {
			// An accept's error says the peer reset it while it waited: its close came first.
			open.open(sock, pid, tid, uid, command, time, type == TcpEventType.CONNECT);
		} else if (type == TcpEventType.CLOSE) {
			int slot = open.slotOf(sock);
			if (slot >= 0) {
				start = open.openedNanos(slot);
				if (open.activeOpen(slot) && bytesSent > 0) {
					bytesSent--; // our SYN took a sequence number
				}
				if (attribution == Attribution.UNKNOWN) {
					attribution = Attribution.CONNECTION_OWNER;
					pid = open.pid(slot);
					tid = open.tid(slot);
					uid = open.uid(slot);
					command = open.command(slot);
				}
				open.close(slot);
			} else if (attribution == Attribution.UNKNOWN && taskFilter) {
				return null; // nobody closed it, and its opener is not known to be a traced task
			}
		}
		int family = record.getShort(at + FAMILY) & 0xffff;
		boolean v6 = family == AF_INET6;
		return new TcpEvent(type, time, pid, tid, uid, command, attribution, v6 ? 6 : 4,
				address(record, at + SADDR, v6), record.getShort(at + SPORT) & 0xffff,
				address(record, at + DADDR, v6), record.getShort(at + DPORT) & 0xffff,
				record.getInt(at + NETNS) & 0xffffffffL, start, bytesSent, record.getLong(at + BYTES_RECEIVED),
				error);
	}

	private String address(ByteBuffer record, int at, boolean v6) {
		if (v6) {
			return ipv6.lookup(record.getLong(at), record.getLong(at + 8), record, at, 16);
		}
		return ipv4.lookup(record.getInt(at) & 0xffffffffL, 0, record, at, 4);
	}

	/** The kernel comm up to its NUL, UTF-8 with invalid bytes replaced (as bcc decodes it). */
	private static String command(byte[] raw) {
		int length = 0;
		while (length < COMM_LENGTH && raw[length] != 0) {
			length++;
		}
		return PythonUtf8.decode(raw, length);
	}
}
