package io.github.tcptracer.analysis.render;

/** A table column: names left-aligned, numbers right-aligned. */
record Column(String header, boolean rightAligned) {
	static Column left(String header) {
		return new Column(header, false);
	}

	static Column right(String header) {
		return new Column(header, true);
	}
}
