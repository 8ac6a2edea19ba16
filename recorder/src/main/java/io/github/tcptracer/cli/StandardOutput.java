package io.github.tcptracer.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * tcptracer's standard output: a PrintStream (UTF-8, block-buffered) over {@link ChannelOutput},
 * which keeps the first write failure that PrintStream itself only flags. A reader that went away
 * (EPIPE, {@code | head}) ends the trace quietly, as bcc does; a file that cannot take more (disk
 * full) must not.
 */
final class StandardOutput extends PrintStream {
	private final ChannelOutput sink;

	private StandardOutput(ChannelOutput sink, int bufferBytes) {
		super(new BufferedOutputStream(sink, bufferBytes), false, StandardCharsets.UTF_8);
		this.sink = sink;
	}

	static StandardOutput open(int bufferBytes) {
		return new StandardOutput(new ChannelOutput(new FileOutputStream(FileDescriptor.out).getChannel()),
				bufferBytes);
	}

	/**
	 * Why writing failed, or null: a closed reader (stdout a pipe or socket) counts as no failure,
	 * and so does output given up on ({@link #abandon()}).
	 */
	IOException failure() {
		if (sink.failure() == null || sink.abandoned() || readerOfAPipe()) {
			return null;
		}
		return sink.failure();
	}

	/** From any thread: drops what is not written yet, even a write the reader keeps waiting. */
	void abandon() {
		sink.abandon();
	}

	boolean abandoned() {
		return sink.abandoned();
	}

	private static boolean readerOfAPipe() {
		try {
			String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
			return target.startsWith("pipe:") || target.startsWith("socket:");
		} catch (IOException | UnsupportedOperationException e) {
			return true; // cannot tell: the quiet end, as before
		}
	}
}
