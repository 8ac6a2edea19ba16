package io.github.tcptracer.analysis.input;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.openjdk.jmc.common.io.IOToolkit;

/**
 * Walks a file's chunk headers before parsing. Hand-written because JMC's public loader skips a
 * truncated last chunk without a word (its {@code ignoreTruncatedChunk} is always on), and a report
 * on part of a recording must not pass for a report on all of it: such a file is reported on with
 * a warning that says what was left out. (The recorder appends whole chunks, but a SIGKILL while it
 * writes one can cut it short.) A chunk header starts with the magic "FLR\0", two 16-bit version
 * numbers and the chunk's 64-bit size including the header.
 */
final class JfrFileCheck {
	private static final byte[] MAGIC = {'F', 'L', 'R', 0};
	private static final int SIZE_FIELD_END = 16;

	private JfrFileCheck() {
	}

	/**
	 * @return null for a whole recording; for one whose last chunk is cut short (and that has whole
	 *         chunks before it), a warning for the user
	 * @throws RecordingException when the file cannot be read as a recording at all
	 */
	static String check(File file) throws RecordingException {
		if (!file.isFile()) {
			throw new RecordingException(file + ": " + (file.exists() ? "not a regular file" : "no such file"));
		}
		if (!Files.isReadable(file.toPath())) {
			throw new RecordingException(file + ": not readable");
		}
		// IOToolkit also opens gzip, zip and lz4 compressed recordings, as JMC does.
		try (DataInputStream in = new DataInputStream(IOToolkit.openUncompressedStream(file))) {
			// A file stream skips past its end without complaint, so a plain file is measured instead.
			boolean compressed = IOToolkit.isCompressedFile(file);
			return walkChunks(file, in, compressed ? Long.MAX_VALUE : file.length(), compressed);
		} catch (IOException e) {
			throw new RecordingException(file + ": cannot read: " + e.getMessage(), e);
		}
	}

	private static String walkChunks(File file, DataInputStream in, long length, boolean compressed)
			throws IOException, RecordingException {
		byte[] magic = new byte[MAGIC.length];
		long offset = 0;
		for (int chunk = 1;; chunk++) {
			int read = in.readNBytes(magic, 0, magic.length);
			if (read == 0) {
				if (chunk == 1) {
					throw new RecordingException(file + ": empty file, not a JFR recording");
				}
				return null;
			}
			if (read < magic.length || !Arrays.equals(magic, MAGIC)) {
				throw new RecordingException(chunk == 1 ? file + ": not a JFR recording"
						: file + ": corrupt JFR recording: no chunk header at byte " + offset);
			}
			long size;
			try {
				in.readInt(); // major and minor version
				size = in.readLong();
			} catch (EOFException e) {
				return truncated(file, chunk, offset, compressed);
			}
			if (size < SIZE_FIELD_END) {
				// A JVM writes the size when it finishes the chunk: 0 means it never did.
				throw new RecordingException(
						file + ": incomplete JFR recording: chunk " + chunk + " was never finished");
			}
			if (size > length - offset) {
				return truncated(file, chunk, offset, compressed);
			}
			try {
				in.skipNBytes(size - SIZE_FIELD_END);
			} catch (EOFException e) {
				return truncated(file, chunk, offset, compressed);
			}
			offset += size;
		}
	}

	/** The warning for a last chunk cut short; an error when it is the first (nothing to report on). */
	private static String truncated(File file, int chunk, long offset, boolean compressed)
			throws RecordingException {
		String cut = file + ": truncated JFR recording: chunk " + chunk + " (at byte " + offset + ") is cut short";
		if (chunk == 1) {
			throw new RecordingException(cut);
		}
		return cut + "; the report covers the " + (chunk - 1) + " whole chunk" + (chunk == 2 ? "" : "s")
				+ " before it" + (compressed ? "" : " (for jfr, cut the file to them: truncate -s " + offset + " "
				+ file + ")");
	}
}
