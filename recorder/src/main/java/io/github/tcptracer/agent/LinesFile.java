package io.github.tcptracer.agent;

import io.github.tcptracer.analysis.format.FileErrors;
import io.github.tcptracer.cli.BccLineFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code lines=} file, opened afresh for every tracing session (every recording that starts
 * after none ran). What goes wrong with it is said once per agent, not once per recording: the
 * recordings get the events all the same, and the application's stderr is not the agent's log.
 */
final class LinesFile {
	/** Distinct warnings kept: a few kinds (cannot open, cannot write, falls behind) at most. */
	private static final int MAX_WARNINGS = 8;

	private final Path file;
	private final boolean timestamp;
	private final boolean verbose;
	private final Consumer<String> warn;
	private final Set<String> warned = new HashSet<>(); // guarded by this

	/** @param warn says a sentence once on stderr ({@link Agent#warn}; tests catch it) */
	LinesFile(Path file, boolean timestamp, boolean verbose, Consumer<String> warn) {
		this.file = file;
		this.timestamp = timestamp;
		this.verbose = verbose;
		this.warn = warn;
	}

	/** The options' lines file, or null when they ask for none. */
	static LinesFile of(AgentOptions options) {
		return options.lines() == null ? null
				: new LinesFile(options.lines(), options.timestamp(), options.verbose(), Agent::warn);
	}

	/** A writer for one tracing session, or null (after a warning, the first time) when the file cannot be opened. */
	LineWriter open() {
		try {
			// a format per session: each starts with bcc's header, and -t times count from its start
			return LineWriter.open(file, new BccLineFormat(timestamp, verbose, verbose), this::warnOnce);
		} catch (IOException | RuntimeException e) {
			warnOnce("cannot write lines to " + file + ": " + FileErrors.reason(e) + "; recordings get the events all the same");
			return null;
		}
	}

	/** Says {@code message}, unless it was said before. */
	synchronized void warnOnce(String message) {
		if (warned.size() < MAX_WARNINGS && warned.add(message)) {
			warn.accept(message);
		}
	}
}
