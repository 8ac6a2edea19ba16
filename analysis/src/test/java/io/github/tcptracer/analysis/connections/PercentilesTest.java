package io.github.tcptracer.analysis.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PercentilesTest {
	@Test
	void nearestRankPicksAValueThatOccurred() {
		Percentiles p = Percentiles.of(new long[] {50, 10, 40, 20, 30, 60, 70, 80, 90, 100});
		assertEquals(50, p.percentile(50));
		assertEquals(90, p.percentile(90));
		assertEquals(100, p.percentile(99));
		assertEquals(10, p.percentile(0));
		assertEquals(100, p.max());
		assertEquals(10, p.count());
	}

	@Test
	void oneValueIsEveryPercentile() {
		Percentiles p = Percentiles.of(new long[] {7});
		assertEquals(7, p.median());
		assertEquals(7, p.percentile(99));
	}

	@Test
	void noValuesIsUnknown() {
		Percentiles p = Percentiles.of(new long[0]);
		assertEquals(-1, p.median());
		assertEquals(-1, p.max());
	}
}
