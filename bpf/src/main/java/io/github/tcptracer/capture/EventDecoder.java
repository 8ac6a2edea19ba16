package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.EventLayout.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Turns one ring-buffer record into a {@link TcpEvent}. Not thread-safe: one per reader. */
final class EventDecoder {
	private final TextCache commands = new TextCache(EventDecoder::command);
	private final TextCache ipv4 = new TextCache(raw -> IpAddressFormat.ipv4(raw, 0));
	private final TextCache ipv6 = new TextCache(raw -> IpAddressFormat.ipv6(raw, 0));

	/** {@code record} must be in native (little-endian) order. */
	TcpEvent decode(ByteBuffer record, int at) {
		int family = record.getShort(at + FAMILY) & 0xffff;
		boolean v6 = family == AF_INET6;
		return new TcpEvent(
				TcpEventType.of(record.get(at + TYPE) & 0xff),
				record.getLong(at + TS_NS),
				record.getInt(at + PID),
				record.getInt(at + TID),
				record.getInt(at + UID),
				commands.lookup(record.getLong(at + COMM), record.getLong(at + COMM + 8), record, at + COMM,
						COMM_LENGTH),
				Attribution.of(record.get(at + ATTRIBUTION) & 0xff),
				v6 ? 6 : 4,
				address(record, at + SADDR, v6),
				record.getShort(at + SPORT) & 0xffff,
				address(record, at + DADDR, v6),
				record.getShort(at + DPORT) & 0xffff,
				record.getInt(at + NETNS) & 0xffffffffL,
				record.getLong(at + START_NS),
				record.getLong(at + BYTES_ACKED),
				record.getLong(at + BYTES_RECEIVED),
				record.getInt(at + ERROR));
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
		return new String(raw, 0, length, StandardCharsets.UTF_8);
	}
}
