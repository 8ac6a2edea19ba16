package io.github.tcptracer.capture;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Drains a tracer into a sink on a short timer until told to stop. The BPF side never wakes
 * user space (a wakeup per event costs more than the event), so this timer bounds latency:
 * an event reaches the sink within one interval.
 */
public final class TraceLoop {
	public static final long POLL_INTERVAL_MILLIS = 20;

	private TraceLoop() {
	}

	/**
	 * Runs until {@code stop} is true (checked every interval) or the thread is interrupted,
	 * then drains what is left. The sink is not closed here.
	 */
	public static void run(TcpTracer tracer, TraceSink sink, BooleanSupplier stop) throws IOException {
		IOException[] failure = new IOException[1];
		while (true) {
			boolean last = stop.getAsBoolean() || Thread.currentThread().isInterrupted();
			int drained;
			do {
				drained = tracer.poll(event -> {
					if (failure[0] == null) {
						try {
							sink.onEvent(event);
						} catch (IOException e) {
							failure[0] = e;
						}
					}
				});
				if (failure[0] != null) {
					throw failure[0];
				}
				sink.afterPoll(tracer.lostEvents());
			} while (drained > 0 && last);
			if (last) {
				return;
			}
			try {
				Thread.sleep(POLL_INTERVAL_MILLIS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
