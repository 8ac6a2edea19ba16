package io.github.tcptracer.recorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finishes chunks off the caller's thread and appends them to the file in the order they were
 * handed over.
 *
 * <p>Why threads: closing a JMC writer recording (9.1.1) often waits up to 500 ms for the
 * writer's merging thread to wake from a timed poll. Done on the trace loop, that would leave the
 * ring buffer undrained for half a second per chunk; here the closes of successive chunks overlap
 * instead, and only their appends are ordered.
 */
final class ChunkCommitter implements AutoCloseable {
	private static final int CLOSING_THREADS = 4;
	private static final long CLOSE_TIMEOUT_SECONDS = 60;

	private final ChunkedFile file;
	private final ThreadPoolExecutor closers;
	/** Completes when every chunk handed over so far is in the file; fails with the first error. */
	private CompletableFuture<Void> appended = CompletableFuture.completedFuture(null);

	ChunkCommitter(ChunkedFile file) {
		this.file = file;
		this.closers = new ThreadPoolExecutor(CLOSING_THREADS, CLOSING_THREADS, 10, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), task -> {
					Thread thread = new Thread(task, "tcptracer-jfr-chunk");
					thread.setDaemon(true);
					return thread;
				});
		closers.allowCoreThreadTimeOut(true);
	}

	/**
	 * Finishes {@code chunk} (see {@link JfrChunk#finish}) and appends it after those before it.
	 * Always finishes it, even after an earlier failure: an unclosed writer recording keeps a
	 * non-daemon thread alive. Failures surface in {@link #throwFailure} and {@link #close}.
	 */
	void commit(JfrChunk chunk, long separatorStartNanos) {
		CompletableFuture<ChunkBytes> finished = CompletableFuture.supplyAsync(() -> {
			try {
				return chunk.finish(separatorStartNanos);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}, closers);
		appended = appended.thenCombine(finished, (previous, bytes) -> {
			try {
				file.append(bytes.contents());
				return null;
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/** Throws the error of an earlier chunk's finish or append, if there was one. */
	void throwFailure() throws IOException {
		if (appended.isCompletedExceptionally()) {
			awaitAppended();
		}
	}

	/** Waits until every chunk is in the file, then closes the file. */
	@Override
	public void close() throws IOException {
		try (file) {
			awaitAppended();
		} finally {
			closers.shutdown();
		}
	}

	private void awaitAppended() throws IOException {
		try {
			appended.get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof UncheckedIOException io) {
				cause = io.getCause();
			}
			throw new IOException("cannot write " + file.path() + ": "
					+ Objects.toString(cause.getMessage(), cause.toString())
					+ " (it keeps the events recorded before, in whole chunks)", cause);
		} catch (TimeoutException e) {
			throw new IOException("writing " + file.path() + " took over " + CLOSE_TIMEOUT_SECONDS + " s", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while writing " + file.path(), e);
		}
	}
}
