package io.github.tcptracer.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RoundRatiosTest {

	@Test
	void eachTracedRoundIsComparedWithTheUntracedRoundsEitherSide() {
		// The machine slows down from 100 to 80 over the run; tracing costs 10% throughout.
		RoundRatios ratios = RoundRatios.of(new double[] {100, 95, 90, 85, 80}, new double[] {87.75, 83.25, 78.75, 74.25});
		assertArrayEquals(new double[] {0.9, 0.9, 0.9, 0.9}, ratios.ratios(), 1e-12);
		assertEquals(0.9, ratios.median(), 1e-12);
	}

	@Test
	void medianAndRange() {
		RoundRatios ratios = RoundRatios.of(new double[] {100, 100, 100, 100}, new double[] {85, 95, 90});
		assertEquals(0.90, ratios.median(), 1e-12);
		assertEquals(0.85, ratios.min(), 1e-12);
		assertEquals(0.95, ratios.max(), 1e-12);
		assertEquals(2.5, RoundRatios.median(new double[] {4, 1, 3, 2}), 1e-12);
	}

	@Test
	void needsAnUntracedRoundEitherSide() {
		assertThrows(IllegalArgumentException.class, () -> RoundRatios.of(new double[] {100, 100}, new double[] {90, 90}));
	}
}
