package io.github.tcptracer.analysis.connections;

import java.util.Arrays;

/** A growable long array: lifetimes of a million connections without a million boxed Longs. */
final class LongList {
	private long[] values = new long[8];
	private int size;

	void add(long value) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = value;
	}

	long[] toArray() {
		return Arrays.copyOf(values, size);
	}
}
