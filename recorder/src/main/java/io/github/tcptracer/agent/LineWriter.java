package io.github.tcptracer.agent;

import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.cli.BccLineFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Appends bcc-style lines of the agent's events to a file, on its own daemon thread: a slow disk
 * must not hold up the poller (the kernel would then lose events). Events wait in a bounded
 * queue; those that find it full get no line. The lines are a copy of what the recordings get,
 * so what they miss is no event dropped: it is said once, in a warning, not counted.
 */
final class LineWriter implements AutoCloseable {
	static final int QUEUE_CAPACITY = 8192;
	private static final long IDLE_FLUSH_MILLIS = 100;

	private final Path file;
	private final Writer out;
	private final BccLineFormat format;
	private final Consumer<String> warnings;
	private final BlockingQueue<TcpEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
	private final Thread thread;
	private volatile boolean closing;
	private volatile boolean failed;
	private boolean fellBehind; // guarded by this
	/** Events queued, and those of them written out; guarded by this. */
	private long offered;
	private long written;

	private LineWriter(Path file, Writer out, BccLineFormat format, Consumer<String> warnings) {
		this.file = file;
		this.out = out;
		this.format = format;
		this.warnings = warnings;
		this.thread = new Thread(this::run, "tcptracer-lines");
		thread.setDaemon(true);
		thread.setUncaughtExceptionHandler((t, e) -> {
			// run() catches everything; never a stack trace on the application's stderr
		});
	}

	/**
	 * Opens (appends to) the file here, so that a bad path is reported when tracing starts.
	 *
	 * @param warnings told, in a sentence, when lines cannot be written or are left out
	 */
	static LineWriter open(Path file, BccLineFormat format, Consumer<String> warnings) throws IOException {
		Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND, StandardOpenOption.WRITE);
		LineWriter writer = new LineWriter(file, out, format, warnings);
		writer.thread.start();
		return writer;
	}

	/** Queues the event's line; never waits. Left out when the queue is full or writing failed. */
	synchronized void offer(TcpEvent event) {
		if (failed) {
			return; // said when it failed
		}
		if (queue.offer(event)) {
			offered++;
		} else if (!fellBehind) {
			fellBehind = true;
			warnings.accept("lines to " + file + " fall behind and some are left out; recordings get every event");
		}
	}

	/** Waits until what was offered so far is in the file, at most {@code timeoutMillis}. */
	synchronized void awaitWritten(long timeoutMillis) throws InterruptedException {
		long target = offered;
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		for (long left = timeoutMillis; written < target && !failed && left > 0;
				left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
			wait(left);
		}
	}

	private void run() {
		try (Writer closedAtEnd = out) {
			out.write(format.header());
			out.flush();
			while (!closing || !queue.isEmpty()) {
				TcpEvent event = queue.poll(IDLE_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
				if (event != null) {
					String line = format.line(event);
					if (line != null) {
						out.write(line);
					}
				}
				if (queue.isEmpty()) {
					out.flush();
					synchronized (this) {
						written = offered - queue.size();
						notifyAll();
					}
				}
			}
		} catch (IOException e) {
			failed = true;
			warnings.accept("cannot write lines to " + file + ": " + e.getMessage() + "; recordings get the events"
					+ " all the same");
		} catch (Throwable t) {
			failed = true;
		} finally {
			synchronized (this) {
				notifyAll();
			}
		}
	}

	/** Writes out what is queued (at most a second's worth of waiting) and closes the file. */
	@Override
	public void close() {
		closing = true;
		try {
			thread.join(1000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
