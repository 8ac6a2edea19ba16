package io.github.tcptracer.analysis.input;

import java.util.Set;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IRange;
import org.openjdk.jmc.common.unit.UnitLookup;

/** The time a recording covers: from its first chunk's start to its last chunk's end. */
record TimeSpan(Long startEpochNanos, Long endEpochNanos) {
	static final TimeSpan UNKNOWN = new TimeSpan(null, null);

	static TimeSpan of(Set<IRange<IQuantity>> chunkRanges) {
		TimeSpan span = UNKNOWN;
		for (IRange<IQuantity> range : chunkRanges) {
			span = span.union(range.getStart().clampedLongValueIn(UnitLookup.EPOCH_NS),
					range.getEnd().clampedLongValueIn(UnitLookup.EPOCH_NS));
		}
		return span;
	}

	private TimeSpan union(long start, long end) {
		return startEpochNanos == null ? new TimeSpan(start, end)
				: new TimeSpan(Math.min(startEpochNanos, start), Math.max(endEpochNanos, end));
	}
}
