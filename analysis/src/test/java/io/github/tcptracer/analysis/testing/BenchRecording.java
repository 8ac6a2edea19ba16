package io.github.tcptracer.analysis.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A large, plausible recording for the benchmark: 200-odd remote endpoints, 10 processes of 10
 * threads, 20 listening ports; lifetimes from 1 ms to 10 s over a minute; one connection in a
 * hundred left open, one connect in twenty refused, one close in fifty a reset; a statistics event
 * every 10,000 events. Events are committed in kernel-time order, as the tracer delivers them.
 * Seeded, so every run writes the same events.
 */
public final class BenchRecording {
	private static final long SPAN_NANOS = 60 * TestRecording.S;

	private record PendingClose(Conn conn, long at, long lifetime, String error) {
	}

	private BenchRecording() {
	}

	public static Path write(Path file, int events) throws IOException {
		SplittableRandom random = new SplittableRandom(42);
		PriorityQueue<PendingClose> closes = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
		try (TestRecording recording = new TestRecording()) {
			int written = 0;
			for (int i = 0; written + closes.size() < events; i++) {
				long at = SPAN_NANOS * (written + closes.size()) / events;
				while (!closes.isEmpty() && closes.peek().at <= at) {
					written += close(recording, closes.poll(), random);
				}
				int pid = 1000 + i % 10;
				boolean inbound = i % 4 == 0;
				Conn conn = inbound
						? Conn.inbound("192.168." + i % 7 + "." + i % 251, 32768 + i % 28000, 8000 + i % 20)
								.task(pid, pid * 100 + i % 10, "server-" + i % 10)
						: Conn.outbound("10.1." + i % 13 + "." + i % 97, i % 3 == 0 ? 443 : 5432, 32768 + i % 28000)
								.task(pid, pid * 100 + i % 10, "worker-" + i % 10);
				if (!inbound && i % 20 == 1) {
					recording.failedConnect(conn, at, "ECONNREFUSED");
				} else {
					if (inbound) {
						recording.accept(conn, at);
					} else {
						recording.connect(conn, at);
					}
					if (i % 100 != 7 && written + closes.size() + 2 <= events) {
						long lifetime = (long) Math.pow(10, 6 + random.nextDouble() * 4);
						closes.add(new PendingClose(conn, at + lifetime, lifetime, i % 50 == 3 ? "ECONNRESET" : ""));
					}
				}
				written++;
				if (written % 10_000 == 0) {
					recording.statistics(0, 0);
				}
			}
			while (!closes.isEmpty()) {
				written += close(recording, closes.poll(), random);
			}
			return recording.dump(file);
		}
	}

	private static int close(TestRecording recording, PendingClose close, SplittableRandom random) {
		recording.close(close.conn, close.at, close.lifetime, random.nextInt(100_000), random.nextInt(1_000_000),
				close.error);
		return 1;
	}
}
