package io.github.tcptracer.recorder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** The bytes of finished chunks, in memory until appended; handed over without a copy. */
final class ChunkBytes extends ByteArrayOutputStream {
	ChunkBytes() {
		super(64 << 10);
	}

	ByteBuffer contents() {
		return ByteBuffer.wrap(buf, 0, count);
	}
}
