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

	private final long pageSize;
	private final long dataSize;
	private final long mask;
	private Pointer consumerMapping;
	private Pointer producerMapping;
	private final ByteBuffer consumer;
	private final ByteBuffer producer;
	// Only this reader moves consumer_pos: kept here, published with release stores.
	private long consumerPosition;
	private long producerPosition;
	private int recordLength = -1;

	/** Maps the ring buffer map {@code mapFd}, whose data area is {@code dataSize} bytes. */
	static RingBuffer map(int mapFd, long dataSize) throws CaptureException {
		LibC libc = Natives.libc();
		long pageSize = libc.getpagesize();
		Pointer consumerMapping = map(libc, pageSize, LibC.PROT_READ | LibC.PROT_WRITE, mapFd, 0);
		Pointer producerMapping;
		try {
			producerMapping = map(libc, pageSize + 2 * dataSize, LibC.PROT_READ, mapFd, pageSize);
		} catch (CaptureException e) {
			libc.munmap(consumerMapping, pageSize);
			throw e;
		}
		RingBuffer ring = new RingBuffer(consumerMapping.getByteBuffer(0, pageSize),
				producerMapping.getByteBuffer(0, pageSize + 2 * dataSize), pageSize, dataSize);
		ring.consumerMapping = consumerMapping;
		ring.producerMapping = producerMapping;
		return ring;
	}

	/**
	 * A reader of the ring laid out in these buffers: {@code consumer} is the consumer page,
	 * {@code producer} the producer page followed by the data area mapped twice.
	 */
	RingBuffer(ByteBuffer consumer, ByteBuffer producer, long pageSize, long dataSize) {
		this.pageSize = pageSize;
		this.dataSize = dataSize;
		this.mask = dataSize - 1;
		this.consumer = consumer.order(ByteOrder.nativeOrder());
		this.producer = producer.order(ByteOrder.nativeOrder());
		consumerPosition = (long) LONG.getAcquire(this.consumer, 0);
		producerPosition = consumerPosition;
	}

	private static Pointer map(LibC libc, long length, int protection, int fd, long offset)
			throws CaptureException {
		Pointer mapping = libc.mmap(null, length, protection, LibC.MAP_SHARED, fd, offset);
		if (mapping == null || Pointer.nativeValue(mapping) == -1L) {
			throw new CaptureException("cannot map the ring buffer: " + Natives.strerror(Native.getLastError()));
		}
		return mapping;
	}

	/** The mapping that {@link #next()} offsets point into (native byte order). */
	ByteBuffer buffer() {
		return producer;
	}

	/**
	 * Takes the kernel's current write position: {@link #next()} reads up to it and no further,
	 * so a drain sees each ring as of one moment.
	 */
	void snapshot() {
		producerPosition = (long) LONG.getAcquire(producer, 0);
	}

	/**
	 * Offset of the next submitted record's data before the {@link #snapshot()}, or -1 when there
	 * is none (or the next one is still being written: later records wait for it). Discarded
	 * records are skipped. Until {@link #release()}, the same record is returned again.
	 */
	int next() {
		while (consumerPosition < producerPosition) {
			int headerAt = (int) (pageSize + (consumerPosition & mask));
			int header = (int) INT.getAcquire(producer, headerAt);
			if ((header & BUSY) != 0) {
				return -1;
			}
			recordLength = header & ~(BUSY | DISCARD);
			if ((header & DISCARD) == 0) {
				return headerAt + HEADER;
			}
			release();
		}
		return -1;
	}

	/** Moves past the record {@link #next()} returned; {@link #publish()} gives its space back. */
	void release() {
		consumerPosition += (recordLength + HEADER + 7) & ~7L;
	}

	/**
	 * Gives the space of the released records back to the kernel. Once per drain, not per record:
	 * the kernel reads consumer_pos at every reserve, and each write here takes that cache line
	 * away from the producing CPU.
	 */
	void publish() {
		LONG.setRelease(consumer, 0, consumerPosition);
	}

	@Override
	public void close() {
		if (producerMapping == null && consumerMapping == null) {
			return; // not mapped (tests' buffers), or closed already
		}
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
