package io.github.tcptracer.agent;

import io.github.tcptracer.capture.PidNamespace;
import io.github.tcptracer.capture.TraceOptions;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The agent's options: {@code -javaagent:tcptracer.jar=lines=/tmp/tcp.log,ringbuffer=4m}, and
 * the same text after {@code tcptracer attach PID}. Comma-separated {@code key=value} pairs; a
 * flag may stand alone ({@code timestamp} is {@code timestamp=true}).
 *
 * @param lines           also append bcc-style lines to this file; null for none
 * @param timestamp       lines get bcc's -t time column
 * @param verbose         lines are bcc's -v format (type words, NETNS column, ns times)
 * @param ringBufferBytes size of each CPU's kernel ring buffer, a power of two
 */
public record AgentOptions(Path lines, boolean timestamp, boolean verbose, int ringBufferBytes) {
	/** One process makes few events: 1 MiB holds ~8000, 20 ms of a flood of 400,000/s. */
	public static final int DEFAULT_RING_BUFFER_BYTES = 1 << 20;
	public static final String SYNTAX = "lines=FILE,timestamp,verbose,ringbuffer=SIZE (SIZE in bytes, or with k or m)";

	public AgentOptions {
		try {
			TraceOptions.all().withRingBufferBytes(ringBufferBytes); // the command line's bounds
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("agent option ringbuffer: " + e.getMessage(), e);
		}
	}

	public static AgentOptions defaults() {
		return new AgentOptions(null, false, false, DEFAULT_RING_BUFFER_BYTES);
	}

	/** Parses the option text; null or blank gives the defaults. */
	public static AgentOptions parse(String text) {
		Path lines = null;
		boolean timestamp = false;
		boolean verbose = false;
		int ringBufferBytes = DEFAULT_RING_BUFFER_BYTES;
		if (text != null && !text.isBlank()) {
			for (String pair : text.split(",")) {
				int equals = pair.indexOf('=');
				String key = (equals < 0 ? pair : pair.substring(0, equals)).trim();
				String value = equals < 0 ? null : pair.substring(equals + 1).trim();
				if (key.isEmpty()) {
					throw new IllegalArgumentException("agent option without a name: '" + pair + "' in '" + text
							+ "'; options: " + SYNTAX);
				}
				switch (key) {
					case "lines" -> lines = Path.of(value(key, value, "FILE"));
					case "timestamp" -> timestamp = flag(key, value);
					case "verbose" -> verbose = flag(key, value);
					case "ringbuffer" -> ringBufferBytes = size(value(key, value, "SIZE"));
					default -> throw new IllegalArgumentException(
							"unknown agent option '" + key + "'; options: " + SYNTAX);
				}
			}
		}
		return new AgentOptions(lines, timestamp, verbose, ringBufferBytes);
	}

	/** The value of an option that needs one (null: the option stood alone). */
	private static String value(String key, String value, String what) {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("agent option " + key + " needs a value: " + key + "=" + what
					+ "; options: " + SYNTAX);
		}
		return value;
	}

	/** A flag standing alone is true. */
	private static boolean flag(String key, String value) {
		if (value == null) {
			return true;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalArgumentException(
					"agent option " + key + ": not true or false: '" + value + "'");
		};
	}

	private static int size(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		int unit = lower.endsWith("k") ? 1 << 10 : lower.endsWith("m") ? 1 << 20 : 1;
		String digits = unit == 1 ? lower : lower.substring(0, lower.length() - 1);
		long bytes;
		try {
			bytes = Long.parseLong(digits);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("agent option ringbuffer: not a size: " + text + "; options: " + SYNTAX);
		}
		try {
			bytes = Math.multiplyExact(bytes, unit);
		} catch (ArithmeticException e) {
			bytes = Long.MAX_VALUE; // too large to count, and so to take
		}
		if (bytes > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("agent option ringbuffer: too large: " + text + "; options: " + SYNTAX);
		}
		return (int) bytes; // the record's check says what a negative or odd size must be
	}

	/**
	 * What to trace: this process only, filtered in the kernel, numbered as this process sees
	 * itself (in a container, its PID namespace's pid and tids).
	 */
	public TraceOptions traceOptions(long pid) {
		return TraceOptions.all().withPid((int) pid).withPidNamespace(PidNamespace.ofThisProcess())
				.withRingBufferBytes(ringBufferBytes);
	}

	/** The same options with the lines file made absolute against this process's directory. */
	public AgentOptions withAbsoluteLines() {
		return lines == null ? this : new AgentOptions(lines.toAbsolutePath(), timestamp, verbose, ringBufferBytes);
	}

	/** The option text that {@link #parse} turns back into these options. */
	public String format() {
		StringBuilder text = new StringBuilder();
		if (lines != null) {
			text.append("lines=").append(lines).append(',');
		}
		if (timestamp) {
			text.append("timestamp,");
		}
		if (verbose) {
			text.append("verbose,");
		}
		return text.append("ringbuffer=").append(ringBufferBytes).toString();
	}
}
