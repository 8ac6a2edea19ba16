package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-CPU rings read as one stream: record framing, time order, and where a drain stops. */
class EventRingsTest {
	private static final int PAGE = 4096;
	private static final int DATA = 4096;
	private static final int BUSY = 1 << 31;
	private static final int DISCARD = 1 << 30;

	/** A ring as the kernel lays it out, written the way bpf_ringbuf_reserve/submit do. */
	private static final class KernelRing {
		final ByteBuffer consumerPage = ByteBuffer.allocate(PAGE).order(ByteOrder.nativeOrder());
		final ByteBuffer producer = ByteBuffer.allocate(PAGE + 2 * DATA).order(ByteOrder.nativeOrder());
		final RingBuffer reader = new RingBuffer(consumerPage, producer, PAGE, DATA);
		long position;

		/** Reserves a record holding {@code time} at the event's timestamp offset; returns its header offset. */
		int reserve(long time) {
			int headerAt = PAGE + (int) (position % DATA);
			producer.putInt(headerAt, 16 | BUSY);
			producer.putLong(headerAt + 8 + EventLayout.TS_NS, time);
			position += 8 + 16;
			producer.putLong(0, position);
			return headerAt;
		}

		void submit(int headerAt) {
			producer.putInt(headerAt, producer.getInt(headerAt) & ~BUSY);
		}

		void discard(int headerAt) {
			producer.putInt(headerAt, (producer.getInt(headerAt) & ~BUSY) | DISCARD);
		}

		void write(long... times) {
			for (long time : times) {
				submit(reserve(time));
			}
		}

		long consumed() {
			return consumerPage.getLong(0);
		}
	}

	private static List<Long> drain(EventRings rings, int limit) {
		List<Long> times = new ArrayList<>();
		rings.drain((buffer, offset) -> times.add(buffer.getLong(offset + EventLayout.TS_NS)), limit);
		return times;
	}

	@Test
	void deliversTheRingsMergedInTimeOrder() {
		KernelRing cpu0 = new KernelRing();
		KernelRing cpu1 = new KernelRing();
		cpu0.write(10, 40, 50);
		cpu1.write(20, 30, 60);
		EventRings rings = new EventRings(new RingBuffer[] {cpu0.reader, cpu1.reader});
		assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 60L), drain(rings, 100));
		assertEquals(cpu0.position, cpu0.consumed(), "every record given back to the kernel");
		assertEquals(cpu1.position, cpu1.consumed());
		assertEquals(List.of(), drain(rings, 100));
	}

	@Test
	void aRecordStillBeingWrittenHoldsBackItsRingOnly() {
		KernelRing cpu0 = new KernelRing();
		KernelRing cpu1 = new KernelRing();
		int writing = cpu0.reserve(10);
		cpu0.write(30);
		cpu1.write(20);
		EventRings rings = new EventRings(new RingBuffer[] {cpu0.reader, cpu1.reader});
		assertEquals(List.of(20L), drain(rings, 100));
		cpu0.submit(writing);
		assertEquals(List.of(10L, 30L), drain(rings, 100));
	}

	@Test
	void skipsDiscardedRecords() {
		KernelRing cpu0 = new KernelRing();
		cpu0.write(10);
		cpu0.discard(cpu0.reserve(20));
		cpu0.write(30);
		EventRings rings = new EventRings(new RingBuffer[] {cpu0.reader});
		assertEquals(List.of(10L, 30L), drain(rings, 100));
		assertEquals(cpu0.position, cpu0.consumed());
	}

	@Test
	void aDrainStopsAtWhatWasWrittenWhenItBegan() {
		KernelRing cpu0 = new KernelRing();
		KernelRing cpu1 = new KernelRing();
		cpu0.write(10);
		cpu1.write(20);
		EventRings rings = new EventRings(new RingBuffer[] {cpu0.reader, cpu1.reader});
		List<Long> times = new ArrayList<>();
		rings.drain((buffer, offset) -> {
			times.add(buffer.getLong(offset + EventLayout.TS_NS));
			cpu0.write(15); // written during the drain, on a ring it already read
			cpu1.write(25);
		}, 100);
		assertEquals(List.of(10L, 20L), times);
		assertEquals(List.of(15L, 15L, 25L, 25L), drain(rings, 100));
	}

	@Test
	void handsOverNoMoreThanTheLimit() {
		KernelRing cpu0 = new KernelRing();
		cpu0.write(1, 2, 3, 4, 5);
		EventRings rings = new EventRings(new RingBuffer[] {cpu0.reader});
		assertEquals(List.of(1L, 2L), drain(rings, 2));
		assertEquals(List.of(3L, 4L, 5L), drain(rings, 100));
	}
}
