package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text cache spreads names that differ in one byte, so each stays decoded once. */
class TextCacheTest {

	private static long[] key(String comm) {
		ByteBuffer bytes = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
		bytes.put(comm.getBytes(StandardCharsets.US_ASCII));
		return new long[] {bytes.getLong(0), bytes.getLong(8)};
	}

	@Test
	void threadNamesDifferingInTheirLastCharacterGetTheirOwnSlots() {
		Set<Integer> slots = new HashSet<>();
		for (int i = 0; i < 8; i++) {
			long[] key = key("churn-client-" + i);
			slots.add(TextCache.slot(key[0], key[1]));
		}
		assertEquals(8, slots.size());
	}

	@Test
	void decodesEachTextOnceWhileItStaysCached() {
		int[] decoded = new int[1];
		TextCache cache = new TextCache(raw -> {
			decoded[0]++;
			return new String(raw, StandardCharsets.US_ASCII).trim();
		});
		ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
		for (int round = 0; round < 100; round++) {
			for (String comm : new String[] {"worker-0", "worker-1", "pool-1-thread-10", "pool-1-thread-11"}) {
				long[] key = key(comm);
				record.putLong(0, key[0]).putLong(8, key[1]);
				cache.lookup(key[0], key[1], record, 0, 16);
			}
		}
		assertEquals(4, decoded[0]);
	}
}
