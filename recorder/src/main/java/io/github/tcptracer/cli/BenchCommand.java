package io.github.tcptracer.cli;

import io.github.tcptracer.bench.BenchSettings;
import io.github.tcptracer.bench.ChurnBench;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code tcptracer bench}: the loopback churn bench. Its traced rounds do what
 * {@code tcptracer > /dev/null} does: decode every event and format its bcc line.
 */
final class BenchCommand implements Command {
	private static final PythonType<Integer> POSITIVE_INT = new PythonType<>("int", text -> positive(
			smallInt(text), text));
	private static final PythonType<Double> POSITIVE_FLOAT = new PythonType<>("float", text -> positive(
			PythonNumbers.parseFloat(text), text));

	@Override
	public int run(String[] args, PrintStream out, PrintStream err) {
		BenchSettings settings;
		try {
			settings = settings(args, out, err);
		} catch (ArgparseExit exit) {
			return exit.status();
		}
		return ChurnBench.run(settings, out, err, () -> new BccLinePrinter(
				new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8),
				new BccLineFormat(false, false, false)));
	}

	/** The bench's settings from its arguments; usage and errors go to {@code out} and {@code err}. */
	static BenchSettings settings(String[] args, PrintStream out, PrintStream err) throws ArgparseExit {
		PythonArgumentParser parser = new PythonArgumentParser(TraceArguments.PROG + " bench",
				"Loopback connect/accept/close churn, alternating rounds without and with the tracer");
		parser.option("ROUNDS", POSITIVE_INT, "rounds each way (default 5)", "--rounds").setDefault(5);
		parser.option("SECONDS", POSITIVE_FLOAT, "length of a round (default 3)", "--seconds").setDefault(3.0);
		parser.option("CLIENTS", POSITIVE_INT, "client threads, and as many acceptor threads (default: the count"
				+ " from 1 to CPUs + 2 that makes the fastest churn, tried first)", "--clients").setDefault(0);
		parser.flag("trace without making up for the state changes the kernel skips, to measure what that costs",
				"--without-skip-recovery");
		Namespace values = parser.parse(args, out, err);
		return new BenchSettings(values.getInt("rounds"), values.getDouble("seconds"), values.getInt("clients"),
				!values.getBoolean("without_skip_recovery"));
	}

	private static int smallInt(String text) throws PythonType.Invalid {
		try {
			return PythonNumbers.parseInt(text).intValueExact();
		} catch (ArithmeticException e) {
			throw new PythonType.Invalid("out of range: " + PythonRepr.of(text));
		}
	}

	private static <T extends Number> T positive(T value, String text) throws PythonType.Invalid {
		if (!(value.doubleValue() > 0) || Double.isInfinite(value.doubleValue())) {
			throw new PythonType.Invalid("not a positive number: " + PythonRepr.of(text));
		}
		return value;
	}
}
