package io.github.tcptracer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lays out usage and help as Python 3.10+'s argparse HelpFormatter does for a parser with
 * options only, a short prog and {@code RawDescriptionHelpFormatter}. argparse4j cannot be made
 * to: it lists mutually exclusive groups after all other options, puts help text in column 25
 * rather than 24, and titles the list "named arguments:". The width is argparse's when
 * $COLUMNS is 80 or output is not a terminal; bcc's layout changes with the terminal, ours not.
 */
final class ArgparseHelpFormatter {
	/** argparse's width is the terminal's columns minus 2. */
	private static final int WIDTH = 80 - 2;
	private static final int MAX_HELP_POSITION = 24;
	private static final int INDENT = 2;
	private static final String USAGE_PREFIX = "usage: ";

	private ArgparseHelpFormatter() {
	}

	/**
	 * What {@code format_usage()} returns, ending in a newline.
	 *
	 * @param units each option, or each mutually exclusive group of options, in declaration order
	 */
	static String usage(String prog, List<List<OptionHelp>> units) {
		List<String> parts = new ArrayList<>();
		parts.add(prog);
		for (List<OptionHelp> unit : units) {
			parts.add(unit.stream().map(OptionHelp::usage).collect(Collectors.joining(" | ", "[", "]")));
		}
		// get_lines(): fill each line greedily, continuation lines aligned after the prog.
		String indent = " ".repeat(USAGE_PREFIX.length() + prog.length() + 1);
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder(USAGE_PREFIX);
		int lineLength = USAGE_PREFIX.length() - 1;
		boolean lineEmpty = true;
		for (String part : parts) {
			if (lineLength + 1 + part.length() > WIDTH && !lineEmpty) {
				lines.add(line.toString());
				line = new StringBuilder(indent);
				lineLength = indent.length() - 1;
				lineEmpty = true;
			}
			line.append(lineEmpty ? "" : " ").append(part);
			lineLength += part.length() + 1;
			lineEmpty = false;
		}
		lines.add(line.toString());
		return String.join("\n", lines) + "\n";
	}

	/** What {@code format_help()} returns: usage, description, then the "options:" list. */
	static String help(String prog, String description, List<List<OptionHelp>> units) {
		List<OptionHelp> options = units.stream().flatMap(List::stream).toList();
		int longest = options.stream().mapToInt(option -> option.invocation().length()).max().orElse(0);
		int helpPosition = Math.min(longest + INDENT + 2, MAX_HELP_POSITION);
		int helpWidth = Math.max(WIDTH - helpPosition, 11);
		int invocationWidth = helpPosition - INDENT - 2;
		StringBuilder help = new StringBuilder(usage(prog, units))
				.append('\n').append(description).append("\n\n")
				.append("options:\n");
		for (OptionHelp option : options) {
			String invocation = option.invocation();
			List<String> lines = wrap(option.help(), helpWidth);
			help.append(" ".repeat(INDENT));
			if (invocation.length() <= invocationWidth) {
				help.append(invocation).append(" ".repeat(invocationWidth - invocation.length() + 2));
			} else {
				help.append(invocation).append('\n').append(" ".repeat(helpPosition));
			}
			help.append(String.join("\n" + " ".repeat(helpPosition), lines)).append('\n');
		}
		return help.toString();
	}

	/**
	 * Greedy word wrap, as textwrap.wrap() does for text without hyphens (textwrap would also
	 * break after a hyphen inside a word; no help text here is long enough to need it).
	 */
	private static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.strip().split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.length() > 0 ? " " : "").append(word);
		}
		lines.add(line.toString());
		return lines;
	}
}
