package io.github.tcptracer.bench;

import io.github.tcptracer.capture.CaptureException;
import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpTracer;
import io.github.tcptracer.capture.TraceLoop;
import io.github.tcptracer.capture.TraceOptions;
import io.github.tcptracer.capture.TraceSink;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code tcptracer bench}: loopback connect/accept/close churn at full speed, alternating rounds
 * without and with the tracer attached (tracing everything, as {@code tcptracer > /dev/null}
 * would), and prints connections/s for each, their ratio, events/s and lost events.
 */
public final class ChurnBench {
	private static final double CALIBRATION_SECONDS = 1.5;
	private final BenchSettings arguments;
	private final Supplier<TraceSink> sinks;
	private final PrintStream out;

	ChurnBench(BenchSettings arguments, Supplier<TraceSink> sinks, PrintStream out) {
		this.arguments = arguments;
		this.sinks = sinks;
		this.out = out;
	}

	/**
	 * Runs the bench and returns the exit status; {@code sinks} makes what the tracer feeds in
	 * the traced rounds.
	 */
	public static int run(BenchSettings arguments, PrintStream out, PrintStream err, Supplier<TraceSink> sinks) {
		try {
			new ChurnBench(arguments, sinks, out).run();
			return 0;
		} catch (CaptureException e) {
			err.println("tcptracer: " + e.getMessage());
			return 1;
		} catch (IOException e) {
			err.println("tcptracer: bench failed: " + e.getMessage());
			return 1;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 130;
		}
	}

	private void run() throws CaptureException, IOException, InterruptedException {
		int clients = arguments.clients() > 0 ? arguments.clients()
				: ClientCount.fastest(ClientCount.mostToTry(), ChurnBench::untracedRate, out);
		out.printf("loopback churn in a child JVM: %d client and %d acceptor threads, %d rounds of %.1f s each way%s%n",
				clients, clients, arguments.rounds(), arguments.seconds(),
				arguments.skipRecovery() ? "" : "; traced without making up for skipped changes");
		List<Round> off = new ArrayList<>();
		List<Round> on = new ArrayList<>();
		try (Churn churn = new ChurnProcess(clients)) {
			// Warm-up both ways (JIT of the churn and of the decoding path), not counted.
			measure(churn, false, Math.min(2.0, arguments.seconds()));
			measure(churn, true, Math.min(2.0, arguments.seconds()));
			out.printf("%-6s %-7s %12s %12s %8s %12s%n", "ROUND", "TRACER", "CONN/S", "EVENTS/S", "LOST", "CONSUMER-CPU");
			// Untraced first and last: each traced round has an untraced one either side.
			for (int i = 0; i < 2 * arguments.rounds() + 1; i++) {
				boolean traced = i % 2 == 1;
				Round round = measure(churn, traced, arguments.seconds());
				(traced ? on : off).add(round);
				out.printf("%-6d %-7s %12.0f %12s %8s %12s%n", i + 1, traced ? "on" : "off",
						round.connectionsPerSecond(), traced ? String.format("%.0f", round.eventsPerSecond()) : "-",
						traced ? Long.toString(round.lost()) : "-",
						traced ? String.format("%.1f%%", 100 * round.consumerCpu()) : "-");
			}
		}
		// Medians: a round that another process on the machine disturbed does not move them.
		double offRate = median(off, Round::connectionsPerSecond);
		double onRate = median(on, Round::connectionsPerSecond);
		out.printf("medians of the rounds%n");
		out.printf("without tracer: %.0f conn/s%n", offRate);
		out.printf("with tracer:    %.0f conn/s, %.0f events/s, %d lost events in all rounds%n", onRate,
				median(on, Round::eventsPerSecond), on.stream().mapToLong(Round::lost).sum());
		out.printf("skipped:        %d state changes the kernel skipped the tracer's program for, made up for%n",
				on.stream().mapToLong(Round::recovered).sum());
		out.printf("Java consumer:  %.1f%% of one core (decoding and the sink)%n",
				100 * median(on, Round::consumerCpu));
		RoundRatios ratios = RoundRatios.of(rates(off), rates(on));
		out.printf("ratio:          %.3f (median of each traced round against the untraced rounds either side;"
				+ " range %.3f-%.3f)%n", ratios.median(), ratios.min(), ratios.max());
	}

	/** The untraced churn's rate with this many clients, after a second of warm-up. */
	private static double untracedRate(int clients) throws IOException, InterruptedException {
		try (Churn churn = new ChurnProcess(clients)) {
			untracedRate(churn, 1.0);
			return untracedRate(churn, CALIBRATION_SECONDS);
		}
	}

	/** Connections per second of {@code churn} over {@code seconds}, untraced. */
	private static double untracedRate(Churn churn, double seconds) throws IOException, InterruptedException {
		long before = churn.connections();
		long start = System.nanoTime();
		Thread.sleep((long) (seconds * 1000));
		return (churn.connections() - before) / elapsedSeconds(start);
	}

	private static double[] rates(List<Round> rounds) {
		return rounds.stream().mapToDouble(Round::connectionsPerSecond).toArray();
	}

	private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> value) {
		return RoundRatios.median(rounds.stream().mapToDouble(value).toArray());
	}

	private Round measure(Churn churn, boolean traced, double seconds)
			throws CaptureException, IOException, InterruptedException {
		if (!traced) {
			return new Round(untracedRate(churn, seconds), 0, 0, 0, 0);
		}
		try (TcpTracer tracer = TcpTracer.start(TraceOptions.all().withSkipRecovery(arguments.skipRecovery()))) {
			CountingSink sink = new CountingSink(sinks.get());
			AtomicBoolean stop = new AtomicBoolean();
			long[] drainCpuNanos = new long[1];
			Thread drain = new Thread(() -> {
				try {
					TraceLoop.run(tracer, sink, stop::get);
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				} finally {
					drainCpuNanos[0] = THREADS.getCurrentThreadCpuTime();
				}
			}, "tcptracer-bench-drain");
			drain.start();
			long lostBefore = tracer.lostEvents();
			long eventsBefore = sink.events();
			long before = churn.connections();
			long start = System.nanoTime();
			Thread.sleep((long) (seconds * 1000));
			double elapsed = elapsedSeconds(start);
			long connections = churn.connections() - before;
			long events = sink.events() - eventsBefore;
			stop.set(true);
			drain.join();
			sink.close();
			return new Round(connections / elapsed, events / elapsed, tracer.lostEvents() - lostBefore,
					tracer.recoveredChanges(), drainCpuNanos[0] / 1e9 / elapsed);
		}
	}

	private static double elapsedSeconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
			.getThreadMXBean();

	/**
	 * {@code recovered}: state changes the kernel skipped the tracer's program for and the tracer made
	 * up for, while it traced; {@code consumerCpu}: CPU time of the Java thread draining the ring
	 * buffer, in cores.
	 */
	private record Round(double connectionsPerSecond, double eventsPerSecond, long lost, long recovered,
			double consumerCpu) {
	}

	/** Counts what reaches the real sink, for events/s. */
	private static final class CountingSink implements TraceSink {
		/*
		 * Opaque stores, not volatile ones: a volatile store is a full fence on x86, which the bench
		 * would add to every event of the consumer it measures. The count need not be exact at the
		 * moment the main thread reads it, only never torn and soon visible.
		 */
		private final AtomicLong events = new AtomicLong();
		private final TraceSink delegate;

		CountingSink(TraceSink delegate) {
			this.delegate = delegate;
		}

		long events() {
			return events.getOpaque();
		}

		@Override
		public void onEvent(TcpEvent event) throws IOException {
			events.setOpaque(events.getPlain() + 1); // single writer: the drain thread
			delegate.onEvent(event);
		}

		@Override
		public void afterPoll(long kernelLostTotal) throws IOException {
			delegate.afterPoll(kernelLostTotal);
		}

		@Override
		public void close() throws IOException {
			delegate.close();
		}
	}
}
