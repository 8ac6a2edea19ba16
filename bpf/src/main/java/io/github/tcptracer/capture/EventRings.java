package io.github.tcptracer.capture;

import java.nio.ByteBuffer;

/**
 * The per-CPU ring buffers, read as one stream. A drain takes every ring's write position first
 * and then repeatedly hands over the earliest record at the rings' heads, so a drain's events come
 * in kernel-time order and nothing written after an event can come out before it. Across drains,
 * an event written on one CPU just after the positions were taken trails (by one poll) the events
 * other CPUs wrote before that moment, as with any per-CPU buffer.
 */
final class EventRings implements AutoCloseable {
	interface RecordHandler {
		void onRecord(ByteBuffer buffer, int offset);
	}

	private final RingBuffer[] rings;
	// Per ring: the offset of its earliest waiting record (-1: none) and that record's time.
	private final int[] heads;
	private final long[] times;

	EventRings(RingBuffer[] rings) {
		this.rings = rings;
		this.heads = new int[rings.length];
		this.times = new long[rings.length];
	}

	/**
	 * Hands over the records written before this call, at most {@code limit} (so a slow consumer
	 * still gets to flush); returns how many.
	 */
	int drain(RecordHandler handler, int limit) {
		for (int i = 0; i < rings.length; i++) {
			rings[i].snapshot();
			advanceHead(i);
		}
		int records = 0;
		try {
			while (records < limit) {
				int earliest = -1;
				for (int i = 0; i < rings.length; i++) {
					if (heads[i] >= 0 && (earliest < 0 || Long.compareUnsigned(times[i], times[earliest]) < 0)) {
						earliest = i;
					}
				}
				if (earliest < 0) {
					break;
				}
				rings[earliest].release(); // before the handler: a record it throws on is not handed over again
				handler.onRecord(rings[earliest].buffer(), heads[earliest]);
				advanceHead(earliest);
				records++;
			}
		} finally {
			for (RingBuffer ring : rings) {
				ring.publish();
			}
		}
		return records;
	}

	private void advanceHead(int i) {
		heads[i] = rings[i].next();
		if (heads[i] >= 0) {
			times[i] = rings[i].buffer().getLong(heads[i] + EventLayout.TS_NS);
		}
	}

	@Override
	public void close() {
		for (RingBuffer ring : rings) {
			ring.close();
		}
	}
}
