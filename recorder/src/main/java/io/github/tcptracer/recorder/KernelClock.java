package io.github.tcptracer.recorder;

/**
 * Converts kernel CLOCK_MONOTONIC nanoseconds (bpf_ktime_get_ns) to wall-clock time. On Linux
 * HotSpot's {@code System.nanoTime()} reads the same clock, so one pair of readings taken
 * together gives the offset.
 */
public final class KernelClock {
	private final long epochNanosAtOrigin;
	private final long monotonicOrigin;

	private KernelClock(long epochNanosAtOrigin, long monotonicOrigin) {
		this.epochNanosAtOrigin = epochNanosAtOrigin;
		this.monotonicOrigin = monotonicOrigin;
	}

	public static KernelClock now() {
		java.time.Instant wall = java.time.Instant.now();
		long monotonic = System.nanoTime();
		return new KernelClock(wall.getEpochSecond() * 1_000_000_000L + wall.getNano(), monotonic);
	}

	public long toEpochNanos(long monotonicNanos) {
		return epochNanosAtOrigin + (monotonicNanos - monotonicOrigin);
	}

	public long toEpochMillis(long monotonicNanos) {
		return Math.floorDiv(toEpochNanos(monotonicNanos), 1_000_000L);
	}
}
