package io.github.tcptracer.capture;

/**
 * A direct-mapped cache from up to 16 raw bytes (two longs) to their text. Commands and
 * addresses repeat from event to event, so decoding allocates no new strings on a hit.
 */
final class TextCache {
	interface Decoder {
		String decode(byte[] raw);
	}

	private static final int SLOT_BITS = 10;
	private static final int SLOTS = 1 << SLOT_BITS;
	private final long[] first = new long[SLOTS];
	private final long[] second = new long[SLOTS];
	private final String[] text = new String[SLOTS];
	private final Decoder decoder;
	private final byte[] scratch = new byte[16];

	TextCache(Decoder decoder) {
		this.decoder = decoder;
	}

	/**
	 * The top bits of a product depend on every bit of the multiplicand, so texts that differ in
	 * one high byte only (thread names ending in -0 and -1) land in different slots.
	 */
	static int slot(long a, long b) {
		long mixed = a * 0x9E3779B97F4A7C15L + b;
		mixed = (mixed ^ (mixed >>> 32)) * 0xC2B2AE3D27D4EB4FL;
		return (int) (mixed >>> (64 - SLOT_BITS));
	}

	String lookup(long a, long b, java.nio.ByteBuffer source, int offset, int length) {
		int slot = slot(a, b);
		String cached = text[slot];
		if (cached != null && first[slot] == a && second[slot] == b) {
			return cached;
		}
		source.get(offset, scratch, 0, length);
		String decoded = decoder.decode(scratch);
		first[slot] = a;
		second[slot] = b;
		text[slot] = decoded;
		return decoded;
	}
}
