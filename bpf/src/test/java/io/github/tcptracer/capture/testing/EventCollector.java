package io.github.tcptracer.capture.testing;

import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpTracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Polls a tracer until the events a test expects have arrived, or a deadline passes. */
public final class EventCollector {
	private final TcpTracer tracer;
	private final List<TcpEvent> events = new ArrayList<>();

	public EventCollector(TcpTracer tracer) {
		this.tracer = tracer;
	}

	/**
	 * Polls until {@code enough} holds for the events kept so far (those passing {@code keep}),
	 * or {@code timeout} passes; then drains once more after a short settle time, so that
	 * unexpected extra events are seen too. Returns all kept events.
	 */
	public List<TcpEvent> collect(Predicate<TcpEvent> keep, Predicate<List<TcpEvent>> enough, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!enough.test(events) && System.nanoTime() < deadline) {
			drain(keep);
			Thread.sleep(5);
		}
		Thread.sleep(50);
		drain(keep);
		return List.copyOf(events);
	}

	private void drain(Predicate<TcpEvent> keep) {
		tracer.poll(event -> {
			if (keep.test(event)) {
				events.add(event);
			}
		});
	}
}
