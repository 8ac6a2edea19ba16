package io.github.tcptracer.recorder;

import io.github.tcptracer.capture.TcpTracer;
import io.github.tcptracer.capture.TraceLoop;
import io.github.tcptracer.capture.TraceSink;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link TraceLoop#run} on a thread of its own, as {@code tcptracer -o} runs it, so that a test can
 * make traffic meanwhile. Closing it stops the loop, which first drains what the kernel holds, and
 * then closes the sink: a file sink's file is then complete. Close it before the tracer.
 */
public final class TraceLoopThread implements AutoCloseable {
	private final TraceSink sink;
	private final AtomicBoolean stop = new AtomicBoolean();
	private final Thread thread;
	private volatile Exception failure;

	private TraceLoopThread(TcpTracer tracer, TraceSink sink) {
		this.sink = sink;
		this.thread = new Thread(() -> {
			try {
				TraceLoop.run(tracer, sink, stop::get);
			} catch (IOException | RuntimeException e) {
				failure = e;
			}
		}, "trace-loop");
	}

	public static TraceLoopThread start(TcpTracer tracer, TraceSink sink) {
		TraceLoopThread loop = new TraceLoopThread(tracer, sink);
		loop.thread.start();
		return loop;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		stop.set(true);
		thread.join();
		sink.close();
		if (failure != null) {
			// on the test's thread, where it fails the test (the loop's own thread would only log it)
			throw new IOException("the trace loop failed", failure);
		}
	}
}
