package io.github.tcptracer.cli;

import java.io.IOException;

/** Standard output cannot be written any more (typically EPIPE: the reader went away). */
final class OutputClosedException extends IOException {
	private static final long serialVersionUID = 1L;

	OutputClosedException() {
		super("standard output closed");
	}
}
