package io.github.tcptracer.recorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How fast the file recorder takes events and how big the file gets: writes N made-up events
 * (the four types in turn, 64 tasks, 250 peers) through {@link JfrFileSink} into a temporary file,
 * as the trace loop would (a poll every 4096 events), and prints events/s and bytes/event.
 *
 * <p>Arguments: [events, default 1000000] [flush interval in ms, default 1000].
 */
public final class RecorderBench {
	private static final int EVENTS_PER_POLL = 4096;

	private RecorderBench() {
	}

	public static void main(String[] args) throws Exception {
		int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		Duration flush = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 1000);
		run(Math.min(events, 50_000), flush, false); // warm up the JIT
		run(events, flush, true);
	}

	private static void run(int events, Duration flush, boolean report) throws Exception {
		Path dir = Files.createTempDirectory("recorder-bench");
		Path file = dir.resolve("bench.jfr");
		long maxPoll = 0;
		long start = System.nanoTime();
		try (JfrFileSink sink = JfrFileSink.open(file, flush)) {
			for (int n = 0; n < events; n++) {
				sink.onEvent(SyntheticEvents.of(SyntheticEvents.cycle(n), n));
				if (n % EVENTS_PER_POLL == EVENTS_PER_POLL - 1) {
					long before = System.nanoTime();
					sink.afterPoll(0);
					maxPoll = Math.max(maxPoll, System.nanoTime() - before);
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long bytes = Files.size(file);
		if (report) {
			System.out.printf(Locale.ROOT, "%d events in %.2f s: %.0f events/s, %.1f µs/event%n", events, seconds,
					events / seconds, seconds * 1e6 / events);
			System.out.printf(Locale.ROOT, "file %.1f MB: %.1f bytes/event (flush every %d ms)%n", bytes / 1e6,
					(double) bytes / events, flush.toMillis());
			System.out.printf(Locale.ROOT, "longest afterPoll (chunk hand-over): %.1f ms%n", maxPoll / 1e6);
		}
		Files.delete(file);
		Files.delete(dir);
	}
}
