package io.github.tcptracer.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.helper.HelpScreenException;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.ArgumentAction;
import net.sourceforge.argparse4j.inf.ArgumentContainer;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.ArgumentType;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * A command line that parses with argparse4j (Python argparse's rules: abbreviations, clustered
 * short options, {@code -p5}, {@code --pid=5}, negative-number-looking options) and prints
 * exactly what Python's argparse prints: usage and help through {@link ArgparseHelpFormatter},
 * errors unwrapped as {@code PROG: error: MESSAGE}, every unrecognized argument listed at once.
 * Options only; no positionals, no subcommands.
 */
final class PythonArgumentParser {
	/** argparse4j's wording for a value given to a flag, e.g. {@code --verbose=1}. */
	private static final Pattern IGNORED_VALUE = Pattern.compile("(argument \\S+: )ignore implicit argument '(.*)'",
			Pattern.DOTALL);

	private final String prog;
	private final String description;
	private final ArgumentParser parser;
	/** Each option, or each mutually exclusive group, in declaration order: what the help shows. */
	private final List<List<OptionHelp>> units = new ArrayList<>();

	PythonArgumentParser(String prog, String description) {
		this.prog = prog;
		this.description = description;
		// argparse4j's own -h would print its own layout; ours only stops the parse.
		this.parser = ArgumentParsers.newFor(prog).addHelp(false).build();
		add(parser, single(), null, "show this help message and exit", "-h", "--help").action(new StopForHelp());
	}

	/** A store_true option. */
	Argument flag(String help, String... flags) {
		return add(parser, single(), null, help, flags).action(Arguments.storeTrue());
	}

	/** An option with one text value. */
	Argument option(String metavar, String help, String... flags) {
		return add(parser, single(), metavar, help, flags);
	}

	/** An option with one value of the given type. */
	Argument option(String metavar, ArgumentType<?> type, String help, String... flags) {
		return option(metavar, help, flags).type(type);
	}

	/** {@code add_mutually_exclusive_group()}: at most one of its options may be given. */
	ExclusiveGroup exclusiveGroup() {
		return new ExclusiveGroup();
	}

	final class ExclusiveGroup {
		private final ArgumentContainer group = parser.addMutuallyExclusiveGroup();
		private final List<OptionHelp> members = single();

		/** A store_true option of this group. */
		Argument flag(String help, String... flags) {
			return add(group, members, null, help, flags).action(Arguments.storeTrue());
		}
	}

	private List<OptionHelp> single() {
		List<OptionHelp> unit = new ArrayList<>();
		units.add(unit);
		return unit;
	}

	private static Argument add(ArgumentContainer container, List<OptionHelp> unit, String metavar, String help,
			String... flags) {
		unit.add(new OptionHelp(List.of(flags), metavar, help));
		Argument argument = container.addArgument(flags).help(help);
		return metavar == null ? argument : argument.metavar(metavar);
	}

	/** {@code parse_args()}: the values, or help / an error printed and {@link ArgparseExit} thrown. */
	Namespace parse(String[] args, PrintStream out, PrintStream err) throws ArgparseExit {
		// Known-args parsing goes on past an unknown option as argparse does, so "-x -p abc"
		// reports the bad value and "-x -y" reports both.
		List<String> unrecognized = new ArrayList<>();
		// After "--" everything is positional, and with no positionals argparse reports it all,
		// "--" included; argparse4j would drop the "--".
		int separator = Arrays.asList(args).indexOf("--");
		String[] options = separator < 0 ? args : Arrays.copyOf(args, separator);
		for (String arg : options) {
			String ambiguous = ambiguity(arg);
			if (ambiguous != null) {
				throw error(err, ambiguous);
			}
		}
		// argparse4j passes a letter after a flag in a cluster on as an unknown option (-tx as -x);
		// argparse stops there with its own error, once the options before it are taken.
		int cluster = 0;
		String clusterError = null;
		while (cluster < options.length && (clusterError = ignoredInCluster(options[cluster])) == null) {
			cluster++;
		}
		Namespace values;
		try {
			values = parser.parseKnownArgs(Arrays.copyOf(options, cluster), unrecognized);
		} catch (HelpScreenException e) {
			out.print(help());
			throw new ArgparseExit(0);
		} catch (ArgumentParserException e) {
			throw error(err, pythonWording(e.getMessage()));
		}
		if (clusterError != null) {
			throw error(err, clusterError);
		}
		if (separator >= 0) {
			unrecognized.addAll(Arrays.asList(args).subList(separator, args.length));
		}
		if (!unrecognized.isEmpty()) {
			throw error(err, "unrecognized arguments: " + String.join(" ", unrecognized));
		}
		return values;
	}

	/**
	 * argparse's first pass: it sorts every argument into option or value before it takes any, and
	 * a long-option prefix that fits several options is an error there, ahead of any other (even
	 * where the argument would be another option's value). Its message names the whole argument,
	 * "=value" included, and the options in declaration order. Null when {@code arg} is not such a
	 * prefix.
	 */
	private String ambiguity(String arg) {
		if (!arg.startsWith("--") || arg.equals("--")) {
			return null;
		}
		String prefix = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
		if (option(prefix) != null) {
			return null; // exact: not a prefix at all
		}
		List<String> matches = options().flatMap(option -> option.flags().stream())
				.filter(flag -> flag.startsWith("--") && flag.startsWith(prefix)).toList();
		return matches.size() > 1 ? "ambiguous option: " + arg + " could match " + String.join(", ", matches)
				: null;
	}

	/**
	 * argparse's walk through a cluster of short options ({@code -tvp5}): each flag takes the next
	 * letter as the next option, an option with a value takes the rest as its value. A letter that
	 * is no option ends it with "ignored explicit argument", charged to the flag before it. Returns
	 * that error, or null when {@code arg} is not a cluster or walks through.
	 */
	private String ignoredInCluster(String arg) {
		if (arg.length() <= 2 || arg.charAt(0) != '-' || arg.charAt(1) == '-' || arg.contains("=")
				|| option(arg) != null) {
			return null;
		}
		OptionHelp flag = option(arg.substring(0, 2));
		String rest = arg.substring(2);
		while (flag != null && flag.metavar() == null) {
			if (rest.isEmpty()) {
				return null;
			}
			OptionHelp next = option("-" + rest.charAt(0));
			if (next == null) {
				return "argument " + String.join("/", flag.flags()) + ": ignored explicit argument "
						+ PythonRepr.of(rest);
			}
			flag = next;
			rest = rest.substring(1);
		}
		return null; // not an option (argparse4j reports it), or an option taking the rest as its value
	}

	/** The declared option with this option string, or null. */
	private OptionHelp option(String flag) {
		return options().filter(option -> option.flags().contains(flag)).findFirst().orElse(null);
	}

	/** Every declared option, in declaration order (-h first). */
	private Stream<OptionHelp> options() {
		return units.stream().flatMap(List::stream);
	}

	/** {@code parser.error(message)}: prints usage and the message; the caller throws the result. */
	ArgparseExit error(PrintStream err, String message) {
		err.print(usage() + prog + ": error: " + message + "\n");
		return new ArgparseExit(2);
	}

	String usage() {
		return ArgparseHelpFormatter.usage(prog, units);
	}

	String help() {
		return ArgparseHelpFormatter.help(prog, description, units);
	}

	private static String pythonWording(String message) {
		Matcher ignored = IGNORED_VALUE.matcher(message);
		if (ignored.matches()) {
			return ignored.group(1) + "ignored explicit argument " + PythonRepr.of(ignored.group(2));
		}
		return message;
	}

	/** -h: ends the parse where it stands, as argparse's help action does; {@link #parse} prints. */
	private static final class StopForHelp implements ArgumentAction {
		@Override
		@SuppressWarnings("deprecation") // the interface still requires this form
		public void run(ArgumentParser parser, Argument arg, Map<String, Object> attrs, String flag, Object value)
				throws ArgumentParserException {
			throw new HelpScreenException(parser);
		}

		@Override
		public void onAttach(Argument arg) {
		}

		@Override
		public boolean consumeArgument() {
			return false;
		}
	}
}
