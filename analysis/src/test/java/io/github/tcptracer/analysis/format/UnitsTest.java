package io.github.tcptracer.analysis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
	@Test
	void durations() {
		assertEquals("-", Units.duration(-1));
		assertEquals("850 ns", Units.duration(850));
		assertEquals("12.5 us", Units.duration(12_500));
		assertEquals("2.0 ms", Units.duration(2_000_000));
		assertEquals("1.25 s", Units.duration(1_250_000_000L));
		assertEquals("4m 05s", Units.duration(245_000_000_000L));
		assertEquals("2h 03m", Units.duration(7_380_000_000_000L));
	}

	@Test
	void roundDurations() {
		assertEquals("100 us", Units.roundDuration(100_000));
		assertEquals("10 ms", Units.roundDuration(10_000_000));
		assertEquals("1 min", Units.roundDuration(60_000_000_000L));
		assertEquals("1 h", Units.roundDuration(3_600_000_000_000L));
		assertEquals("1500 ms", Units.roundDuration(1_500_000_000L));
	}

	@Test
	void sizesRatesCountsAndTimes() {
		assertEquals("512 B", Units.bytes(512));
		assertEquals("1.5 KiB", Units.bytes(1536));
		assertEquals("3.0 MiB", Units.bytes(3 * 1024 * 1024));
		assertEquals("1.50/s", Units.rate(1.5));
		assertEquals("12.3/s", Units.rate(12.34));
		assertEquals("1,234,567", Units.count(1_234_567));
		assertEquals("40.0%", Units.percent(0.4));
		assertEquals("2023-11-14T22:13:20.000Z", Units.time(1_700_000_000_000L));
		assertEquals("-", Units.time(null));
	}

	@Test
	void abbreviatesInTheMiddle() {
		assertEquals("short", Abbreviate.middle("short", 10));
		assertEquals("[2001:..]:443", Abbreviate.middle("[2001:db8::1]:443", 13));
	}
}
