package io.github.tcptracer.cli;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * The trace command's options: bcc tcptracer.py's, with its help texts, then ours. The test
 * resources' generate_goldens.py declares the same options to Python's argparse.
 */
final class TraceArguments {
	static final String PROG = "tcptracer";

	private static final PythonType<Integer> PID = new PythonType<>("int", text -> fit(text, Integer.MIN_VALUE,
			Integer.MAX_VALUE).intValue());
	/** A namespace is a u32 inode number. */
	private static final PythonType<Long> NETNS = new PythonType<>("int", text -> fit(text, 0, 0xffff_ffffL)
			.longValue());
	private static final PythonType<Duration> SECONDS = new PythonType<>("seconds", TraceArguments::seconds);
	private static final PythonType<Path> PATH = new PythonType<>("path", TraceArguments::path);
	private static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

	private TraceArguments() {
	}

	static PythonArgumentParser parser() {
		PythonArgumentParser parser = new PythonArgumentParser(PROG, "Trace TCP connections");
		parser.flag("include timestamp on output", "-t", "--timestamp");
		parser.option("PID", PID, "trace this PID only", "-p", "--pid").setDefault(0);
		parser.option("NETNS", NETNS, "trace this Network Namespace only", "-N", "--netns").setDefault(0L);
		parser.option("CGROUPMAP", PATH, "trace cgroups in this BPF map only", "--cgroupmap");
		parser.option("MNTNSMAP", PATH, "trace mount namespaces in this BPF map only", "--mntnsmap");
		PythonArgumentParser.ExclusiveGroup family = parser.exclusiveGroup();
		family.flag("trace IPv4 family only", "-4", "--ipv4");
		family.flag("trace IPv6 family only", "-6", "--ipv6");
		parser.flag("include Network Namespace in the output", "-v", "--verbose");
		// Ours, after bcc's, so that bcc's usage line reads the same up to [-v].
		parser.option("FILE.jfr", PATH, "record the events into this JFR file", "-o", "--output");
		parser.flag("with -o: print no event lines", "-q", "--quiet");
		parser.option("SECONDS", SECONDS, "stop after this many seconds", "-d", "--duration");
		parser.option("SECONDS", SECONDS, "with -o: write a chunk at least this often, default 1",
				"--flush-interval");
		return parser;
	}

	/** The settings, or help / a usage error printed and {@link ArgparseExit} thrown. */
	static TraceSettings parse(String[] args, PrintStream out, PrintStream err) throws ArgparseExit {
		PythonArgumentParser parser = parser();
		Namespace values = parser.parse(args, out, err);
		Path output = values.get("output");
		Duration flushInterval = values.get("flush_interval");
		if (output == null && values.getBoolean("quiet")) {
			throw parser.error(err, "argument -q/--quiet: not allowed without argument -o/--output");
		}
		if (output == null && flushInterval != null) {
			throw parser.error(err, "argument --flush-interval: not allowed without argument -o/--output");
		}
		return new TraceSettings(
				values.getBoolean("timestamp"),
				values.getBoolean("verbose"),
				values.getInt("pid"),
				values.getLong("netns"),
				values.get("cgroupmap"),
				values.get("mntnsmap"),
				values.getBoolean("ipv4") ? 4 : values.getBoolean("ipv6") ? 6 : 0,
				output,
				values.getBoolean("quiet"),
				values.get("duration"),
				flushInterval != null ? flushInterval : DEFAULT_FLUSH_INTERVAL);
	}

	/**
	 * A path as the user typed it. Java decodes the command line in the locale's character set:
	 * bytes that set cannot decode come out as U+FFFD, which would name another file, and under
	 * the C locale any non-ASCII name is refused by the file system API. Both are refused here.
	 */
	private static Path path(String text) throws PythonType.Invalid {
		if (text.isEmpty()) {
			throw new PythonType.Invalid("empty path");
		}
		if (text.endsWith("/")) {
			// Path.of() drops the slash: "newdir/" would make a file named newdir.
			throw new PythonType.Invalid("names a directory, not a file: " + PythonRepr.of(text));
		}
		try {
			if (text.indexOf('\uFFFD') < 0) {
				return Path.of(text);
			}
		} catch (InvalidPathException e) {
			// said below
		}
		throw new PythonType.Invalid("not a path in this locale's character set ("
				+ System.getProperty("sun.jnu.encoding", "unknown") + "): " + PythonRepr.of(text));
	}

	/**
	 * Python's int has no bounds: bcc takes {@code -p 99999999999} or {@code -N 4294967296} and
	 * matches nothing. The kernel filters here are fixed-width, where such a number would wrap
	 * around, so it is refused instead.
	 */
	private static BigInteger fit(String text, long min, long max) throws PythonType.Invalid {
		BigInteger value = PythonNumbers.parseInt(text);
		if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
			throw new PythonType.Invalid("out of range: " + PythonRepr.of(text));
		}
		return value;
	}

	private static Duration seconds(String text) throws PythonType.Invalid {
		double seconds = PythonNumbers.parseFloat(text);
		if (!(seconds > 0 && seconds < Double.POSITIVE_INFINITY)) {
			throw new PythonType.Invalid("not a positive number of seconds: " + PythonRepr.of(text));
		}
		// A duration beyond ~292 years saturates: it means "until stopped" all the same. One below
		// a nanosecond is a nanosecond: positive, as asked.
		return Duration.ofNanos(Math.max(1, (long) Math.min(seconds * 1e9, Long.MAX_VALUE)));
	}
}
