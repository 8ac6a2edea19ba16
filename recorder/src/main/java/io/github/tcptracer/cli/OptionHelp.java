package io.github.tcptracer.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How argparse shows one option.
 *
 * @param flags   its option strings, as declared ({@code -p}, {@code --pid})
 * @param metavar the value's name, or null for a flag that takes none
 * @param help    the help line
 */
record OptionHelp(List<String> flags, String metavar, String help) {

	/** In the usage line, without brackets: {@code -p PID}. */
	String usage() {
		return withMetavar(flags.get(0));
	}

	/** In the help list: {@code -p PID, --pid PID}. */
	String invocation() {
		return flags.stream().map(this::withMetavar).collect(Collectors.joining(", "));
	}

	private String withMetavar(String flag) {
		return metavar == null ? flag : flag + " " + metavar;
	}
}
