package io.github.tcptracer.agent;

/**
 * The agent's state, published as the system property {@value #PROPERTY} of the JVM it runs in:
 * {@code tcptracer attach} reads it back through the attach API, and anyone can see it with
 * {@code jcmd PID VM.system_properties}. Values start with one word: {@code starting},
 * {@code waiting}, {@code tracing} or {@code failed}.
 */
public final class AgentStatus {
	public static final String PROPERTY = "io.github.tcptracer.agent.status";
	static final String STARTING = "starting";
	static final String WAITING = "waiting";
	static final String TRACING = "tracing";
	static final String FAILED = "failed";

	private AgentStatus() {
	}

	static void set(String word, String detail) {
		try {
			System.setProperty(PROPERTY, detail == null ? word : word + ": " + detail);
		} catch (Throwable ignored) {
			// a security manager may forbid it; the status is informative only
		}
	}

	/** The status word of a property value (null stays null). */
	static String word(String value) {
		if (value == null) {
			return null;
		}
		int colon = value.indexOf(':');
		return colon < 0 ? value : value.substring(0, colon);
	}
}
