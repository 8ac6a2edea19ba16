package io.github.tcptracer.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * tcptracer's standard output: a PrintStream (UTF-8, block-buffered) that keeps the first write
 * failure, which PrintStream itself only flags. A reader that went away (EPIPE, {@code | head})
 * ends the trace quietly, as bcc does; a file that cannot take more (disk full) must not.
 */
final class StandardOutput extends PrintStream {
	private final FailureKeeping sink;

	private StandardOutput(FailureKeeping sink, int bufferBytes) {
		super(new BufferedOutputStream(sink, bufferBytes), false, StandardCharsets.UTF_8);
		this.sink = sink;
	}

	static StandardOutput open(int bufferBytes) {
		return new StandardOutput(new FailureKeeping(new FileOutputStream(FileDescriptor.out)), bufferBytes);
	}

	/** Why writing failed, or null: a closed reader (stdout a pipe or socket) counts as no failure. */
	IOException failure() {
		if (sink.failure == null || readerOfAPipe()) {
			return null;
		}
		return sink.failure;
	}

	private static boolean readerOfAPipe() {
		try {
			String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
			return target.startsWith("pipe:") || target.startsWith("socket:");
		} catch (IOException | UnsupportedOperationException e) {
			return true; // cannot tell: the quiet end, as before
		}
	}

	/** Passes everything through, keeping the first failure. */
	private static final class FailureKeeping extends FilterOutputStream {
		private IOException failure;

		FailureKeeping(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			try {
				out.write(b);
			} catch (IOException e) {
				throw kept(e);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			try {
				out.write(bytes, offset, length);
			} catch (IOException e) {
				throw kept(e);
			}
		}

		@Override
		public void flush() throws IOException {
			try {
				out.flush();
			} catch (IOException e) {
				throw kept(e);
			}
		}

		private IOException kept(IOException e) {
			if (failure == null) {
				failure = e;
			}
			return e;
		}
	}
}
