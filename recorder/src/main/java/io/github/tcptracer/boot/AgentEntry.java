package io.github.tcptracer.boot;

import java.lang.instrument.Instrumentation;

/**
 * Premain-Class and Agent-Class of tcptracer.jar. Returns at once: the agent runs on one daemon
 * thread, {@value #THREAD_NAME}, in the {@link IsolatedClassLoader}. A throwing premain would
 * abort the JVM, so nothing escapes from here.
 */
public final class AgentEntry {
	static final String THREAD_NAME = "tcptracer-agent";
	private static final String AGENT_CLASS = "io.github.tcptracer.agent.Agent";

	private AgentEntry() {
	}

	/** {@code -javaagent:tcptracer.jar[=OPTIONS]}. */
	public static void premain(String options, Instrumentation instrumentation) {
		start(options, instrumentation);
	}

	/** Dynamic attach ({@code tcptracer attach PID}). */
	public static void agentmain(String options, Instrumentation instrumentation) {
		start(options, instrumentation);
	}

	private static void start(String options, Instrumentation instrumentation) {
		try {
			Thread thread = new Thread(() -> run(options, instrumentation), THREAD_NAME);
			thread.setDaemon(true);
			thread.setUncaughtExceptionHandler((t, e) -> {
				// run() catches everything; never let a stack trace reach the application's stderr
			});
			thread.start();
		} catch (Throwable t) {
			warn(t);
		}
	}

	private static void run(String options, Instrumentation instrumentation) {
		try {
			ClassLoader loader = IsolatedClassLoader.shared();
			Thread.currentThread().setContextClassLoader(loader);
			Class.forName(AGENT_CLASS, true, loader)
					.getMethod("run", String.class, Instrumentation.class)
					.invoke(null, options, instrumentation);
		} catch (Throwable t) {
			warn(t);
		}
	}

	/** The agent's one line for a failure before its own code runs. */
	private static void warn(Throwable t) {
		try {
			Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
					? t.getCause()
					: t;
			System.err.println("tcptracer agent: cannot start (" + cause + "); the application runs on without it");
		} catch (Throwable ignored) {
			// stderr closed: nothing more to do
		}
	}
}
