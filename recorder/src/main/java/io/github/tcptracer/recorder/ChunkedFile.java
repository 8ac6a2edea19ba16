package io.github.tcptracer.recorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The recording file: created new, for its owner only (0600), never through a symlink, and
 * appended to only with whole JFR chunks. A JFR file is a concatenation of self-contained chunks,
 * so it is complete after every append.
 *
 * <p>Each append is one write call, then forced to disk; one that fails is cut back off. The
 * JDK's parser rejects a whole file whose last chunk is cut short, so the write must not be split
 * up: a SIGKILL can then cut a chunk only while the kernel copies it into the page cache (about a
 * millisecond per megabyte; the kernel checks for a fatal signal between pages). tcptracer report
 * reads the whole chunks before one cut short, and says how to cut the file for jfr.
 */
final class ChunkedFile implements AutoCloseable {
	private final Path path;
	private final FileChannel channel;

	private ChunkedFile(Path path, FileChannel channel) {
		this.path = path;
		this.channel = channel;
	}

	/**
	 * Creates {@code path}; refuses an existing file or symlink there (O_CREAT|O_EXCL does not
	 * follow a final symlink, and NOFOLLOW_LINKS says so explicitly) rather than overwrite it.
	 */
	static ChunkedFile create(Path path) throws IOException {
		try {
			FileChannel channel = FileChannel.open(path,
					Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			return new ChunkedFile(path, channel);
		} catch (FileAlreadyExistsException e) {
			throw new IOException(path + " already exists; not overwriting it (remove it or choose another name)", e);
		} catch (NoSuchFileException e) {
			throw new IOException("cannot create " + path + ": no such directory", e);
		} catch (AccessDeniedException e) {
			throw new IOException("cannot create " + path + ": permission denied", e);
		}
	}

	Path path() {
		return path;
	}

	/**
	 * Appends whole chunks and makes them durable. A write that fails part-way (disk full, file
	 * size limit) is cut back off, so the file still ends with a whole chunk and stays readable.
	 */
	void append(ByteBuffer chunks) throws IOException {
		long end = channel.size();
		try {
			while (chunks.hasRemaining()) {
				channel.write(chunks);
			}
			channel.force(false);
		} catch (IOException e) {
			try {
				channel.truncate(end);
			} catch (IOException cannotCut) {
				e.addSuppressed(cannotCut);
			}
			throw e;
		}
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
