package io.github.tcptracer.agent;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The drain before a chunk's statistics event, bounded by time. It runs on the thread that ends
 * the chunk: JFR's shutdown hook, which the JVM's exit waits for, or an application thread in
 * {@code Recording.stop()} or {@code JFR.dump}. This JVM's own threads may connect faster than it
 * drains, and a count of polls bounds nothing when each event costs more than usual; what is left
 * when the time is up waits for the agent's next poll.
 */
final class ChunkEndDrain {
	/** How long the drain may hold the thread ending a chunk. */
	static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
	/** Records per poll: small, so that the last poll ends the drain a few milliseconds past the budget at most. */
	static final int RECORDS_PER_POLL = 4096;

	private ChunkEndDrain() {
	}

	/**
	 * Calls {@code poll} until it finds nothing or {@code budgetNanos} have passed on {@code clock}.
	 *
	 * @param poll polls at most {@link #RECORDS_PER_POLL} records and returns how many
	 * @return the records polled
	 */
	static long drain(IntSupplier poll, long budgetNanos, LongSupplier clock) {
		long deadline = clock.getAsLong() + budgetNanos;
		long records = 0;
		int polled;
		do {
			polled = poll.getAsInt();
			records += polled;
		} while (polled > 0 && clock.getAsLong() - deadline < 0);
		return records;
	}
}
