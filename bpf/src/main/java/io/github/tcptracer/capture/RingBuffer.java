package io.github.tcptracer.capture;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Consumer side of a BPF ring buffer, read straight from its memory mapping.
 *
 * <p>libbpf's {@code ring_buffer__poll} calls back into Java once per record, and a JNA upcall
 * per event would cost more than the kernel side. Instead this maps the ring as libbpf does
 * and walks the records in Java: one consumer page (read-write) holding {@code consumer_pos},
 * then one producer page holding {@code producer_pos} followed by the data area mapped twice
 * (so a record that wraps is contiguous). Each record has an 8-byte header: length with
 * BUSY (bit 31) and DISCARD (bit 30) flags, then the page offset.
 */
final class RingBuffer implements AutoCloseable {
	private static final int BUSY = 1 << 31;
	private static final int DISCARD = 1 << 30;
	private static final int HEADER = 8;
	private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class,
			ByteOrder.nativeOrder());
	private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class,
			ByteOrder.nativeOrder());

	interface RecordHandler {
		void onRecord(ByteBuffer buffer, int offset, int length);
	}

	private final long pageSize;
	private final long dataSize;
	private final long mask;
	private Pointer consumerMapping;
	private Pointer producerMapping;
	private final ByteBuffer consumer;
	private final ByteBuffer producer;

	RingBuffer(int mapFd, long dataSize) throws CaptureException {
		LibC libc = Natives.libc();
		this.pageSize = libc.getpagesize();
		this.dataSize = dataSize;
		this.mask = dataSize - 1;
		consumerMapping = map(libc, pageSize, LibC.PROT_READ | LibC.PROT_WRITE, mapFd, 0);
		try {
			producerMapping = map(libc, pageSize + 2 * dataSize, LibC.PROT_READ, mapFd, pageSize);
		} catch (CaptureException e) {
			libc.munmap(consumerMapping, pageSize);
			throw e;
		}
		consumer = consumerMapping.getByteBuffer(0, pageSize).order(ByteOrder.nativeOrder());
		producer = producerMapping.getByteBuffer(0, pageSize + 2 * dataSize).order(ByteOrder.nativeOrder());
	}

	private static Pointer map(LibC libc, long length, int protection, int fd, long offset)
			throws CaptureException {
		Pointer mapping = libc.mmap(null, length, protection, LibC.MAP_SHARED, fd, offset);
		if (mapping == null || Pointer.nativeValue(mapping) == -1L) {
			throw new CaptureException("cannot map the ring buffer: " + Natives.strerror(Native.getLastError()));
		}
		return mapping;
	}

	/**
	 * Hands committed records to {@code handler}, at most {@code limit} of them (so a consumer
	 * that cannot keep up still gets to flush); returns how many it handed over.
	 */
	int drain(RecordHandler handler, int limit) {
		long consumerPosition = (long) LONG.getAcquire(consumer, 0);
		long producerPosition = (long) LONG.getAcquire(producer, 0);
		int records = 0;
		while (consumerPosition < producerPosition && records < limit) {
			int headerAt = (int) (pageSize + (consumerPosition & mask));
			int header = (int) INT.getAcquire(producer, headerAt);
			if ((header & BUSY) != 0) {
				break; // reserved but not yet submitted: later records wait for it
			}
			int length = header & ~(BUSY | DISCARD);
			if ((header & DISCARD) == 0) {
				handler.onRecord(producer, headerAt + HEADER, length);
				records++;
			}
			consumerPosition += (length + HEADER + 7) & ~7L;
			// Release each record at once so the kernel can reuse the space.
			LONG.setRelease(consumer, 0, consumerPosition);
			if (consumerPosition >= producerPosition) {
				producerPosition = (long) LONG.getAcquire(producer, 0);
			}
		}
		return records;
	}

	@Override
	public void close() {
		LibC libc = Natives.libc();
		if (producerMapping != null) {
			libc.munmap(producerMapping, pageSize + 2 * dataSize);
			producerMapping = null;
		}
		if (consumerMapping != null) {
			libc.munmap(consumerMapping, pageSize);
			consumerMapping = null;
		}
	}
}
