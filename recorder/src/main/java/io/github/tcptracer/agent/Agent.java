package io.github.tcptracer.agent;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.FlightRecorder;

/**
 * The Java agent: puts this JVM's own TCP connects, accepts and closes into its JFR recordings.
 * {@code io.github.tcptracer.boot.AgentEntry} calls {@link #run} on the agent's daemon thread,
 * which it keeps for as long as the JVM runs (parked while no recording wants the events).
 * Whatever goes wrong ends in one line on stderr and an agent that does nothing more.
 */
public final class Agent {
	private static final AtomicBoolean STARTED = new AtomicBoolean();

	private Agent() {
	}

	/** Runs the agent on the calling thread; returns only when it gives up. Never throws. */
	public static void run(String optionText, Instrumentation instrumentation) {
		if (!STARTED.compareAndSet(false, true)) {
			return; // loaded again by a second attach: the running agent keeps its options
		}
		try {
			AgentStatus.set(AgentStatus.STARTING, null);
			AgentOptions options = AgentOptions.parse(optionText);
			if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
				fail("this Java runtime has no jdk.jfr module (a jlink image without it)");
				return;
			}
			if (!FlightRecorder.isAvailable()) {
				fail("JFR is not available in this JVM");
				return;
			}
			new AgentLoop(options, instrumentation).run();
		} catch (IllegalArgumentException e) {
			fail(e.getMessage());
		} catch (Throwable t) {
			fail("stopped by " + t);
		}
	}

	/** The agent gives up: its status says why, and so does one line on stderr. */
	static void fail(String reason) {
		AgentStatus.set(AgentStatus.FAILED, reason);
		warn(reason + "; this JVM's recordings get no TCP events, the application runs on");
	}

	/** One line on the application's stderr. */
	static void warn(String message) {
		try {
			System.err.println("tcptracer agent: " + message);
		} catch (Throwable ignored) {
			// nowhere left to say it
		}
	}
}
