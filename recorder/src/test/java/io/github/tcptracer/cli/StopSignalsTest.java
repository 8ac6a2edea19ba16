package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/**
 * Signals raised in this JVM, with the handlers installed (closing puts the previous ones back):
 * the first stops the trace and gives up on the output only after the grace period, a second
 * gives it up at once.
 */
class StopSignalsTest {
	@Test
	void theFirstSignalGivesUpOnTheOutputAfterTheGracePeriod() throws Exception {
		AtomicInteger givenUp = new AtomicInteger();
		try (StopSignals signals = StopSignals.install(givenUp::incrementAndGet)) {
			long raisedAt = System.nanoTime();
			Signal.raise(new Signal("TERM"));
			await(signals::raised);
			assertEquals(0, givenUp.get(), "the reader gets its grace period");
			await(() -> givenUp.get() == 1);
			assertTrue(System.nanoTime() - raisedAt >= TimeUnit.MILLISECONDS.toNanos(StopSignals.GRACE_MILLIS),
					"not before the grace period");
		}
	}

	@Test
	void aSecondSignalGivesUpAtOnce() throws Exception {
		AtomicInteger givenUp = new AtomicInteger();
		try (StopSignals signals = StopSignals.install(givenUp::incrementAndGet)) {
			Signal.raise(new Signal("INT"));
			await(signals::raised);
			long secondAt = System.nanoTime();
			Signal.raise(new Signal("INT"));
			await(() -> givenUp.get() >= 1);
			assertTrue(System.nanoTime() - secondAt < TimeUnit.MILLISECONDS.toNanos(StopSignals.GRACE_MILLIS / 2),
					"given up well before the grace period ends");
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertTrue(System.nanoTime() < deadline, "not within 10 s");
			Thread.sleep(5);
		}
	}
}
