package io.github.tcptracer.cli;

import io.github.tcptracer.capture.CaptureException;
import io.github.tcptracer.capture.TcpTracer;
import io.github.tcptracer.capture.TraceLoop;
import io.github.tcptracer.capture.TraceSink;
import io.github.tcptracer.recorder.JfrFileSink;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;

/**
 * The live trace, bcc tcptracer's command line: lines on stdout until Ctrl-C, SIGTERM, the -d
 * duration or a closed pipe; with -o, the same events recorded into a .jfr file.
 */
final class TraceCommand implements Command {

	@Override
	public int run(String[] args, PrintStream out, PrintStream err) {
		TraceSettings settings;
		try {
			settings = TraceArguments.parse(args, out, err);
		} catch (ArgparseExit exit) {
			out.flush();
			return exit.status();
		}
		// Before loading: a Ctrl-C while the programs load stops the trace as soon as it starts.
		try (StopSignals signals = StopSignals.install(() -> abandon(out))) {
			return trace(settings, signals, out, err);
		}
	}

	private static int trace(TraceSettings settings, StopSignals signals, PrintStream out, PrintStream err) {
		try (TcpTracer tracer = TcpTracer.start(settings.traceOptions())) {
			BooleanSupplier stop = stopCondition(settings, signals);
			BccLinePrinter printer = settings.quiet() ? null : new BccLinePrinter(out, BccLineFormat.of(settings));
			TraceSink recording;
			try {
				recording = settings.output() == null ? null
						: JfrFileSink.open(settings.output(), settings.flushInterval());
			} catch (IOException e) {
				err.println(TraceArguments.PROG + ": " + message(e));
				return 1;
			}
			// -q requires -o, so never neither; the recording first, so it has each event the lines have.
			try (TraceSink sink = printer == null ? recording
					: recording == null ? printer : new TeeSink(recording, printer)) {
				if (printer != null) {
					printer.printPreamble();
				}
				try {
					TraceLoop.run(tracer, sink, stop);
				} catch (OutputClosedException e) {
					if (!abandoned(out)) {
						throw e;
					}
					// Stopped while the reader did not read: the events left still go into the recording.
					if (recording != null) {
						TraceLoop.run(tracer, recording, () -> true);
					}
				}
			} catch (OutputClosedException e) {
				IOException failure = out instanceof StandardOutput stdout ? stdout.failure() : null;
				if (failure == null) {
					return 0; // bcc too ends silently when its reader goes away
				}
				err.println(TraceArguments.PROG + ": cannot write standard output: " + failure.getMessage());
				return 1;
			} catch (IOException e) {
				err.println(TraceArguments.PROG + ": " + message(e));
				return 1;
			}
			long lost = tracer.lostEvents();
			if (lost > 0) {
				err.println("Possibly lost " + lost + " samples");
			}
			return 0;
		} catch (CaptureException e) {
			err.println(TraceArguments.PROG + ": " + e.getMessage());
			return 1;
		}
	}

	/** Gives up on stdout's unwritten lines (Ctrl-C while the reader does not read). */
	private static void abandon(PrintStream out) {
		if (out instanceof StandardOutput stdout) {
			stdout.abandon();
		}
	}

	private static boolean abandoned(PrintStream out) {
		return out instanceof StandardOutput stdout && stdout.abandoned();
	}

	/** A signal, or the -d duration counted from when the programs are attached. */
	private static BooleanSupplier stopCondition(TraceSettings settings, StopSignals signals) {
		if (settings.duration() == null) {
			return signals::raised;
		}
		long started = System.nanoTime();
		long duration = settings.duration().toNanos();
		return () -> signals.raised() || System.nanoTime() - started >= duration;
	}

	/** JfrFileSink's failures carry one line for the user, the path included. */
	private static String message(IOException e) {
		return e.getMessage() != null ? e.getMessage() : e.toString();
	}
}
