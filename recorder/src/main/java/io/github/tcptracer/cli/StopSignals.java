package io.github.tcptracer.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM only raise a flag that the trace loop checks, so the trace ends on the
 * main thread: the last events are drained, the .jfr file is completed and the tracer closed,
 * without racing a shutdown hook. Closing puts the previous handlers back.
 */
final class StopSignals implements AutoCloseable {
	private static final String[] NAMES = {"INT", "TERM"};

	private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
	private volatile boolean raised;

	private StopSignals() {
	}

	static StopSignals install() {
		StopSignals signals = new StopSignals();
		for (String name : NAMES) {
			Signal signal = new Signal(name);
			try {
				signals.previous.put(signal, Signal.handle(signal, caught -> signals.raised = true));
			} catch (IllegalArgumentException e) {
				// The VM reserves this signal: it then ends the process its own way.
			}
		}
		return signals;
	}

	boolean raised() {
		return raised;
	}

	@Override
	public void close() {
		previous.forEach(Signal::handle);
	}
}
