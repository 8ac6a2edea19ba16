package io.github.tcptracer.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** tcptracer.jar's entry point: {@code tcptracer [COMMAND] ...}; without a command, the live trace. */
public final class Main {
	private static final int STDOUT_BUFFER_BYTES = 1 << 16;

	private Main() {
	}

	public static void main(String[] args) {
		// A runtime without java.logging (a jlink image) has no JNA either: the trace says so.
		if (ModuleLayer.boot().findModule("java.logging").isPresent()) {
			JnaLog.silence();
		}
		// UTF-8 whatever the locale, as bcc's Python prints; stdout is flushed by the commands.
		PrintStream out = StandardOutput.open(STDOUT_BUFFER_BYTES);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		int status;
		try {
			status = run(args, out, err);
		} catch (NoClassDefFoundError e) {
			// A runtime linked without some of the JDK's modules (jlink).
			err.println("tcptracer: this Java runtime lacks " + e.getMessage().replace('/', '.')
					+ ": run tcptracer with a full JDK 17 or newer");
			status = 1;
		}
		out.flush();
		System.exit(status);
	}

	/**
	 * JNA reports a temporary directory it cannot use through java.util.logging, with a stack
	 * trace, before tcptracer says what went wrong in one line. (Only in the CLI's own JVM: the
	 * agent leaves its host's logging alone.) A class of its own, loaded only where the module is.
	 */
	private static final class JnaLog {
		/** Held: the logging framework forgets the level of a logger nobody references. */
		private static final Logger LOGGER = Logger.getLogger("com.sun.jna");

		static void silence() {
			LOGGER.setLevel(Level.OFF);
		}
	}

	/** Runs the command {@code args} name and returns its exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Command named = args.length == 0 ? null : command(args[0]);
		if (named == null) {
			return new TraceCommand().run(args, out, err);
		}
		return named.run(Arrays.copyOfRange(args, 1, args.length), out, err);
	}

	/** The command called {@code name}, or null: then all the arguments are the trace command's. */
	private static Command command(String name) {
		return switch (name) {
			// One line per command, e.g.: case "report" -> new ReportCommand();
			case "attach" -> new io.github.tcptracer.agent.AttachCommand();
			case "report" -> io.github.tcptracer.analysis.ReportCommand::run;
			case "bench" -> new BenchCommand();
			case "bench-churn" -> io.github.tcptracer.bench.ChurnChild::run; // internal: bench's workload
			default -> null;
		};
	}
}
