package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChunkEndDrainTest {
	private static final long BUDGET = TimeUnit.MILLISECONDS.toNanos(100);
	private final AtomicLong clock = new AtomicLong(-5); // any origin: nanoTime may be negative
	private final AtomicInteger polls = new AtomicInteger();

	@Test
	void aFloodThatNeverEndsIsDrainedForTheBudgetOnly() {
		long polled = ChunkEndDrain.drain(() -> {
			polls.incrementAndGet();
			clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(7)); // a slow sink: 7 ms per poll
			return ChunkEndDrain.RECORDS_PER_POLL;
		}, BUDGET, clock::get);

		assertEquals(15, polls.get(), "polls until 100 ms have passed: 15 * 7 ms"); // not the old 4 polls or more
		assertEquals(15L * ChunkEndDrain.RECORDS_PER_POLL, polled);
	}

	@Test
	void aBurstIsDrainedToTheEndWithinTheBudget() {
		long polled = ChunkEndDrain.drain(() -> {
			clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
			return polls.incrementAndGet() <= 10 ? ChunkEndDrain.RECORDS_PER_POLL : 0;
		}, BUDGET, clock::get);

		assertEquals(11, polls.get(), "until a poll finds nothing");
		assertEquals(10L * ChunkEndDrain.RECORDS_PER_POLL, polled);
	}

	@Test
	void endsOnTimeOnTheRealClock() {
		long start = System.nanoTime();
		ChunkEndDrain.drain(() -> {
			try {
				Thread.sleep(2);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return 1;
		}, BUDGET, System::nanoTime);
		long took = System.nanoTime() - start;

		assertTrue(took >= BUDGET, "drained for the budget: " + took);
		assertTrue(took < BUDGET + TimeUnit.MILLISECONDS.toNanos(500), "ended once the budget was spent: " + took);
	}
}
