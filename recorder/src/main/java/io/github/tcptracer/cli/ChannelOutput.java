package io.github.tcptracer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Standard output's bytes, written through a channel rather than a FileOutputStream, for two
 * things the stream cannot do:
 * <ul>
 * <li>A descriptor someone made non-blocking (the pipe's open file is shared with the reader's
 * side of the shell) answers EAGAIN when full. The stream throws then and loses count of what it
 * wrote; the channel says it wrote 0 bytes, and this waits and writes the rest.</li>
 * <li>A reader that stops reading without going away ({@code | less}) blocks the write for as long
 * as it likes. {@link #abandon()} (Ctrl-C) breaks such a write off: the channel is interruptible,
 * and closes when interrupted. Only a write in progress is interrupted, so the trace's other
 * files never see the interrupt.</li>
 * </ul>
 * Keeps the first failure, which the PrintStream on top only flags.
 */
final class ChannelOutput extends OutputStream {
	/** How long a write waits for a full non-blocking descriptor before trying again. */
	private static final long FULL_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final WritableByteChannel channel;
	private final Object lock = new Object();
	/** The thread inside channel.write(), which abandon() interrupts; guarded by lock. */
	private Thread writing;
	private volatile boolean abandoned;
	private volatile IOException failure;

	ChannelOutput(WritableByteChannel channel) {
		this.channel = channel;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] {(byte) b}, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
		while (buffer.hasRemaining()) {
			if (writeSome(buffer) == 0) {
				LockSupport.parkNanos(FULL_WAIT_NANOS); // a full non-blocking descriptor (EAGAIN)
			}
		}
	}

	private int writeSome(ByteBuffer buffer) throws IOException {
		synchronized (lock) {
			if (failure != null) {
				throw failure;
			}
			if (abandoned) {
				throw kept(new IOException("standard output abandoned"));
			}
			writing = Thread.currentThread();
		}
		try {
			return channel.write(buffer);
		} catch (ClosedByInterruptException e) {
			throw kept(new IOException("standard output abandoned", e));
		} catch (IOException e) {
			throw kept(e);
		} finally {
			synchronized (lock) {
				writing = null;
				if (abandoned) {
					Thread.interrupted(); // abandon()'s interrupt, not one meant for the thread
				}
			}
		}
	}

	private IOException kept(IOException e) {
		if (failure == null) {
			failure = e;
		}
		return failure;
	}

	/** Why writing failed, or null. */
	IOException failure() {
		return failure;
	}

	/**
	 * From any thread: gives up on the bytes not yet written, breaking off a write that waits for
	 * the reader. Every write from then on fails.
	 */
	void abandon() {
		synchronized (lock) {
			abandoned = true;
			if (writing != null) {
				writing.interrupt();
			}
		}
	}

	boolean abandoned() {
		return abandoned;
	}
}
