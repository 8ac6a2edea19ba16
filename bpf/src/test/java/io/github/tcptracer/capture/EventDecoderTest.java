package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.EventLayout.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding of struct event records laid out as tcptracer.h lays them out. */
class EventDecoderTest {

	private static ByteBuffer record(int at, int type, int family, byte[] saddr, byte[] daddr, String comm) {
		ByteBuffer buffer = ByteBuffer.allocate(at + SIZE).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putLong(at + TS_NS, 5_000_000_123L);
		buffer.putLong(at + START_NS, 4_000_000_000L);
		buffer.putLong(at + BYTES_ACKED, 1234);
		buffer.putLong(at + BYTES_RECEIVED, 99);
		buffer.put(at + SADDR, saddr);
		buffer.put(at + DADDR, daddr);
		buffer.putInt(at + PID, 4242);
		buffer.putInt(at + TID, 4243);
		buffer.putInt(at + UID, 1000);
		buffer.putInt(at + NETNS, 0xF0000098); // above Integer.MAX_VALUE: stays unsigned
		buffer.putInt(at + ERROR, 104);
		buffer.putShort(at + SPORT, (short) 65535);
		buffer.putShort(at + DPORT, (short) 80);
		buffer.putShort(at + FAMILY, (short) family);
		buffer.put(at + TYPE, (byte) type);
		buffer.put(at + ATTRIBUTION, (byte) 1);
		buffer.put(at + COMM, comm.getBytes(StandardCharsets.UTF_8));
		buffer.putLong(at + SOCK, 0xffff888012345600L);
		return buffer;
	}

	/** A record as the kernel sends it for {@code type} on socket {@code sock} at {@code time}. */
	private static ByteBuffer kernelRecord(int type, long sock, long time, int attribution, String comm) {
		ByteBuffer buffer = record(0, type, AF_INET, new byte[] {127, 0, 0, 1}, new byte[] {127, 0, 0, 1}, comm);
		buffer.putLong(SOCK, sock);
		buffer.putLong(TS_NS, time);
		buffer.putLong(START_NS, type == 1 ? time - 1000 : 0);
		buffer.putInt(ERROR, 0);
		buffer.put(ATTRIBUTION, (byte) attribution);
		if (attribution == 2) {
			buffer.putInt(PID, 0);
			buffer.putInt(TID, 0);
			buffer.putInt(UID, 0);
		}
		return buffer;
	}

	@Test
	void decodesEveryFieldOfAnIpv4Close() {
		ByteBuffer buffer = record(8, 3, AF_INET, new byte[] {127, 0, 0, 1}, new byte[] {10, 0, 0, 2}, "curl");
		TcpEvent event = new EventDecoder(16, false).decode(buffer, 8);
		assertEquals(new TcpEvent(TcpEventType.CLOSE, 5_000_000_123L, 4242, 4243, 1000, "curl",
				Attribution.CONNECTION_OWNER, 4, "127.0.0.1", 65535, "10.0.0.2", 80, 0xF0000098L, 4_000_000_000L,
				1234, 99, 104), event);
		assertEquals(1_000_000_123L, event.lifetimeNanos());
		assertEquals(-1, event.handshakeNanos());
	}

	@Test
	void decodesIpv6AndReusesCachedText() {
		byte[] loopback = new byte[16];
		loopback[15] = 1;
		byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
		EventDecoder decoder = new EventDecoder(16, false);
		TcpEvent first = decoder.decode(record(0, 1, AF_INET6, loopback, mapped, "java"), 0);
		TcpEvent second = decoder.decode(record(0, 1, AF_INET6, loopback, mapped, "java"), 0);
		assertEquals(6, first.ipVersion());
		assertEquals("::1", first.localAddress());
		assertEquals("::ffff:127.0.0.1", first.remoteAddress());
		assertEquals(TcpEventType.CONNECT, first.type());
		assertEquals(1_000_000_123L, first.handshakeNanos());
		assertSame(first.command(), second.command(), "comm decoded once");
		assertSame(first.remoteAddress(), second.remoteAddress(), "address formatted once");
	}

	@Test
	void commIsUtf8WithInvalidBytesReplacedAndStopsAtNul() {
		ByteBuffer buffer = record(0, 2, AF_INET, new byte[4], new byte[4], "");
		buffer.put(COMM, new byte[] {'s', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, 0, 'x'});
		assertEquals("s\u00e9\ufffd", new EventDecoder(16, false).decode(buffer, 0).command());
	}

	@Test
	void unknownTypeCodesDecodeAsUnknown() {
		assertEquals(TcpEventType.UNKNOWN, new EventDecoder(16, false)
				.decode(record(0, 77, AF_INET, new byte[4], new byte[4], "x"), 0).type());
	}

	@Test
	void aCloseNobodyMadeNamesTheConnectionsOpenerAndGetsItsLifetime() {
		EventDecoder decoder = new EventDecoder(16, false);
		decoder.decode(kernelRecord(1, 0x1000, 5_000_000_000L, 0, "curl"), 0);
		TcpEvent close = decoder.decode(kernelRecord(3, 0x1000, 7_000_000_000L, 2, ""), 0);
		assertEquals(Attribution.CONNECTION_OWNER, close.attribution());
		assertEquals(4242, close.pid());
		assertEquals(4243, close.tid());
		assertEquals("curl", close.command());
		assertEquals(2_000_000_000L, close.lifetimeNanos());
		assertEquals(1233, close.bytesSent(), "the SYN of an active open is not a byte sent");
		assertEquals(0, decoder.openConnections(), "the close forgets the connection");
	}

	@Test
	void aCloseByAProcessKeepsItsTask() {
		EventDecoder decoder = new EventDecoder(16, false);
		decoder.decode(kernelRecord(2, 0x2000, 5_000_000_000L, 0, "server"), 0);
		TcpEvent close = decoder.decode(kernelRecord(3, 0x2000, 6_000_000_000L, 0, "worker"), 0);
		assertEquals(Attribution.CALLER, close.attribution());
		assertEquals("worker", close.command());
		assertEquals(1_000_000_000L, close.lifetimeNanos());
		assertEquals(1234, close.bytesSent(), "a passive open's bytes are as the kernel counted them");
	}

	@Test
	void aCloseNobodyMadeOfAConnectionNotSeenOpening() {
		TcpEvent unknown = new EventDecoder(16, false).decode(kernelRecord(3, 0x3000, 6L, 2, ""), 0);
		assertEquals(Attribution.UNKNOWN, unknown.attribution());
		assertEquals(-1, unknown.lifetimeNanos());
		assertNull(new EventDecoder(16, true).decode(kernelRecord(3, 0x3000, 6L, 2, ""), 0),
				"with task filters, it cannot be shown to belong to a traced task");
	}

	@Test
	void anAcceptOfAConnectionAlreadyResetOpensNothing() {
		EventDecoder decoder = new EventDecoder(16, false);
		ByteBuffer accept = kernelRecord(2, 0x4000, 5L, 0, "server");
		accept.putInt(ERROR, 104);
		assertEquals(104, decoder.decode(accept, 0).error());
		assertEquals(0, decoder.openConnections());
	}
}
