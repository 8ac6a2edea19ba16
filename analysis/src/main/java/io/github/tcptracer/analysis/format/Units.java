package io.github.tcptracer.analysis.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers for people: durations, sizes, rates and times, short enough for an 80-column table.
 * ASCII only ("us", not the micro sign), since a terminal's encoding is not known.
 */
public final class Units {
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);
	private static final long[] ROUND_UNITS_NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L,
			1_000_000L, 1_000L};
	private static final String[] ROUND_UNIT_NAMES = {"h", "min", "s", "ms", "us"};
	private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

	private Units() {
	}

	/** "850 ns", "12.5 us", "3.2 ms", "1.25 s", "4m 05s", "2h 03m"; "-" when negative (unknown). */
	public static String duration(long nanos) {
		if (nanos < 0) {
			return "-";
		}
		if (nanos < 1_000) {
			return nanos + " ns";
		}
		if (nanos < 1_000_000) {
			return format("%.1f us", nanos / 1e3);
		}
		if (nanos < 1_000_000_000) {
			return format("%.1f ms", nanos / 1e6);
		}
		long seconds = nanos / 1_000_000_000L;
		if (seconds < 60) {
			return format("%.2f s", nanos / 1e9);
		}
		if (seconds < 3600) {
			return format("%dm %02ds", seconds / 60, seconds % 60);
		}
		return format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
	}

	/** A round duration in its largest exact unit: "100 us", "1 ms", "10 s", "1 min", "1 h". */
	public static String roundDuration(long nanos) {
		for (int i = 0; i < ROUND_UNITS_NANOS.length; i++) {
			if (nanos >= ROUND_UNITS_NANOS[i] && nanos % ROUND_UNITS_NANOS[i] == 0) {
				return nanos / ROUND_UNITS_NANOS[i] + " " + ROUND_UNIT_NAMES[i];
			}
		}
		return nanos + " ns";
	}

	/** "512 B", "1.5 KiB", "3.2 MiB". */
	public static String bytes(long bytes) {
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		return unit == 0 ? bytes + " B" : format("%.1f %s", value, BYTE_UNITS[unit]);
	}

	/** "12.3/s". */
	public static String rate(double perSecond) {
		return format(perSecond < 10 ? "%.2f/s" : "%.1f/s", perSecond);
	}

	/** "1,234,567". */
	public static String count(long count) {
		return format("%,d", count);
	}

	/** "12.5%" for 0.125. */
	public static String percent(double ratio) {
		return format(ratio < 0.1 ? "%.2f%%" : "%.1f%%", ratio * 100);
	}

	/** "2025-11-24T15:49:31.123Z": ISO 8601 in UTC, one word that never wraps; "-" when null. */
	public static String time(Long epochMillis) {
		return epochMillis == null ? "-" : TIME.format(Instant.ofEpochMilli(epochMillis));
	}

	private static String format(String pattern, Object... args) {
		return String.format(Locale.ROOT, pattern, args);
	}
}
