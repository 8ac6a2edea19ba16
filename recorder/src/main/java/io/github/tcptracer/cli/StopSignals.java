package io.github.tcptracer.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM only raise a flag that the trace loop checks, so the trace ends on the
 * main thread: the last events are drained, the .jfr file is completed and the tracer closed,
 * without racing a shutdown hook. Closing puts the previous handlers back.
 *
 * <p>The loop cannot see the flag while it waits for a reader that stops reading without going
 * away ({@code | less}), where bcc would end at once. So a second signal, or the first one's
 * grace period running out, gives up on the output ({@code whenStuck}): the trace then ends as
 * it does after a signal, without the lines the reader did not take.
 */
final class StopSignals implements AutoCloseable {
	private static final String[] NAMES = {"INT", "TERM"};
	/** Long enough for a reader that is still reading to take the last lines. */
	static final long GRACE_MILLIS = 1000;

	private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
	private final Runnable whenStuck;
	private volatile boolean raised;

	private StopSignals(Runnable whenStuck) {
		this.whenStuck = whenStuck;
	}

	/** @param whenStuck gives up on the output; from a signal's thread, while the loop may be in a write */
	static StopSignals install(Runnable whenStuck) {
		StopSignals signals = new StopSignals(whenStuck);
		for (String name : NAMES) {
			Signal signal = new Signal(name);
			try {
				signals.previous.put(signal, Signal.handle(signal, caught -> signals.onSignal()));
			} catch (IllegalArgumentException e) {
				// The VM reserves this signal: it then ends the process its own way.
			}
		}
		return signals;
	}

	private synchronized void onSignal() {
		if (raised) {
			whenStuck.run();
			return;
		}
		raised = true;
		Thread grace = new Thread(() -> {
			try {
				Thread.sleep(GRACE_MILLIS);
				whenStuck.run();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "tcptracer-stop-grace");
		grace.setDaemon(true); // the process does not wait for it
		grace.start();
	}

	boolean raised() {
		return raised;
	}

	@Override
	public void close() {
		previous.forEach(Signal::handle);
	}
}
