package io.github.tcptracer.recorder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An empty JFR chunk (no constants, no events, one type; 155 bytes) written after every data chunk,
 * so that the JDK's parser reads the next chunk afresh.
 *
 * <p>Why: the JDK's parser ({@code jdk.jfr.internal.consumer.ChunkParser}, JDK 17 to 25) assumes
 * that all chunks of a file come from one JVM, whose constant ids never change meaning. (1) When a
 * chunk's constant pool holds an id that the previous chunk's pool held, it takes the previous
 * value. (2) When a chunk's metadata id equals the previous chunk's, it keeps the previous
 * chunk's parsers, which remember the last constant id of each event field and its value. The
 * JMC writer numbers each recording's constants from 1 and always writes metadata id 0, so a
 * writer chunk after another would show the first one's threads and strings. This chunk has empty
 * pools and a metadata id of its own, which resets both. Ending every flush with one also keeps
 * {@code cat tcp1.jfr tcp2.jfr} and {@code cat tcp.jfr app.jfr} right.
 *
 * <p>Hand-written because the JMC writer cannot set the metadata id; its own empty recording
 * (400 bytes) would carry id 0. The layout is that of the JMC writer's chunks: header, one
 * checkpoint event with no pools, and a metadata event declaring {@code long} (JMC rejects a chunk
 * without types). Numbers in events are LEB128 ("compressed integers", flag bit 0 of the header).
 */
final class ChunkSeparator {
	/** Unlike the writer's 0 and a JVM's 1, 2, 3...: "tcptrace" in ASCII. */
	static final long METADATA_ID = 0x7463707472616365L;

	private static final int HEADER_BYTES = 68;
	private static final long TICKS_PER_SECOND = 1_000_000_000L;
	private static final byte[] CHECKPOINT_EVENT = checkpointEvent();
	private static final byte[] METADATA_EVENT = metadataEvent();

	private ChunkSeparator() {
	}

	/** Writes the chunk, starting at {@code startNanos} (CLOCK_MONOTONIC); it must differ from other chunks'. */
	static void write(ChunkBytes out, long startNanos, KernelClock clock) {
		int size = HEADER_BYTES + CHECKPOINT_EVENT.length + METADATA_EVENT.length;
		ByteBuffer chunk = ByteBuffer.allocate(size)
				.put(new byte[] {'F', 'L', 'R', 0})
				.putShort((short) 2) // format 2.0
				.putShort((short) 0)
				.putLong(size)
				.putLong(HEADER_BYTES) // checkpoint offset
				.putLong(HEADER_BYTES + CHECKPOINT_EVENT.length) // metadata offset
				.putLong(clock.toEpochNanos(startNanos))
				.putLong(0) // duration
				.putLong(startNanos) // start ticks: 1 tick = 1 ns, as in the data chunks
				.putLong(TICKS_PER_SECOND)
				.putInt(1) // file state 0 (finished), flags: compressed integers
				.put(CHECKPOINT_EVENT)
				.put(METADATA_EVENT);
		out.write(chunk.array(), 0, size);
	}

	private static byte[] checkpointEvent() {
		Leb128 body = new Leb128();
		body.leb(1); // event type: checkpoint
		body.leb(0); // start time
		body.leb(0); // duration
		body.leb(0); // delta to the next checkpoint: none
		body.leb(1); // flush checkpoint
		body.leb(0); // no constant pools
		return body.asEvent();
	}

	private static byte[] metadataEvent() {
		List<String> strings = List.of("root", "metadata", "region", "class", "name", "id", "long", "1");
		Leb128 body = new Leb128();
		body.leb(0); // event type: metadata
		body.leb(0); // start time
		body.leb(0); // duration
		body.leb(METADATA_ID);
		body.leb(strings.size());
		for (String text : strings) {
			body.writeUtf8(text);
		}
		// Elements: name (string index), attribute count, attributes (name, value), child count.
		body.leb(0).leb(0).leb(2); // <root>: <metadata>, <region>
		body.leb(1).leb(0).leb(1); // <metadata>: one class
		body.leb(3).leb(2).leb(4).leb(6).leb(5).leb(7).leb(0); // <class name="long" id="1"/>
		body.leb(2).leb(0).leb(0); // <region/>
		return body.asEvent();
	}

	/** The LEB128 encoding of JFR's compressed integers. */
	private static final class Leb128 extends ByteArrayOutputStream {
		private static final int UTF8 = 3;

		Leb128 leb(long value) {
			while ((value & ~0x7FL) != 0) {
				super.write((int) (value & 0x7F) | 0x80);
				value >>>= 7;
			}
			super.write((int) value);
			return this;
		}

		void writeUtf8(String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			super.write(UTF8);
			leb(bytes.length);
			writeBytes(bytes);
		}

		/** These bytes preceded by the event's size, which counts itself. */
		byte[] asEvent() {
			int size = size() + 1;
			while (length(size) + size() != size) {
				size = length(size) + size();
			}
			Leb128 event = new Leb128();
			event.leb(size);
			event.writeBytes(toByteArray());
			return event.toByteArray();
		}

		private static int length(long value) {
			int bytes = 1;
			while ((value >>>= 7) != 0) {
				bytes++;
			}
			return bytes;
		}
	}
}
