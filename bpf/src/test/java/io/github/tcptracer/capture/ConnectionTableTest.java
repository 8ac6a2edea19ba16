package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-connection table against a HashMap doing the same, and its bound. */
class ConnectionTableTest {

	@Test
	void agreesWithAMapUnderRandomOpensAndCloses() {
		ConnectionTable table = new ConnectionTable(1000);
		Map<Long, Integer> expected = new HashMap<>();
		Random random = new Random(42);
		for (int step = 0; step < 200_000; step++) {
			long sock = 0xffff888000000000L + 64L * random.nextInt(1500); // many collisions
			int slot = table.slotOf(sock);
			assertEquals(expected.containsKey(sock), slot >= 0, "present at step " + step);
			if (slot >= 0) {
				assertEquals(expected.get(sock).intValue(), table.pid(slot));
				table.close(slot);
				expected.remove(sock);
			} else if (expected.size() < 1000) {
				table.open(sock, step, step, 0, "c", step, true);
				expected.put(sock, step);
			}
			assertEquals(expected.size(), table.size());
		}
	}

	@Test
	void staysWithinItsCapacity() {
		ConnectionTable table = new ConnectionTable(100);
		for (long sock = 1; sock <= 1000; sock++) {
			table.open(sock * 64, 1, 1, 0, "c", sock, false);
		}
		assertEquals(100, table.size());
		assertEquals(true, table.slotOf(1000 * 64) >= 0, "the newest is kept");
	}
}
