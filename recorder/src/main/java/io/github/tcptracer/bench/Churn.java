package io.github.tcptracer.bench;

import java.io.IOException;

/** A running connect/accept/close churn. */
interface Churn extends AutoCloseable {
	/** Connections completed so far. */
	long connections() throws IOException;

	@Override
	void close() throws IOException;
}
