package io.github.tcptracer.analysis.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one parser thread decoded from one event type of one chunk. Not thread-safe: JMC parses
 * chunks in parallel, so every sink gets its own buffer and {@link RecordingContent} merges them.
 */
final class CaptureBuffer {
	final List<TcpEvent> events = new ArrayList<>();
	final Map<String, String> hostsByAddress = new HashMap<>();
	StatisticsTotals statistics = StatisticsTotals.NONE;
	// The parser makes a new String per field value; a million events name a few hundred
	// addresses and commands, so sharing the instances saves most of the retained memory.
	private final Map<String, String> strings = new HashMap<>();

	/** The shared instance of a value; {@code previous} is the field's last value, usually the same. */
	String intern(String value, String previous) {
		if (value.equals(previous)) {
			// Cheaper than hashing the parser's fresh String: commands, local addresses and errors repeat.
			return previous;
		}
		String known = strings.putIfAbsent(value, value);
		return known == null ? value : known;
	}
}
