package io.github.tcptracer.bench;

import java.io.IOException;
import java.io.PrintStream;

/**
 * How many client threads (and as many acceptors) make the fastest churn on this machine: the
 * bench runs the churn at the highest rate it can, and that count depends on the CPUs (on the
 * 2-vCPU development machine, 3 beat 2 by about 12% and 4 beat 3 by a few percent; more add
 * nothing once both CPUs are busy).
 */
final class ClientCount {
	/** The churn's connections per second with this many clients. */
	@FunctionalInterface
	interface Rate {
		double of(int clients) throws IOException, InterruptedException;
	}

	private ClientCount() {
	}

	/** Counts to try: 1 up to two more than the CPUs. */
	static int mostToTry() {
		return Runtime.getRuntime().availableProcessors() + 2;
	}

	/** Tries 1 to {@code most} clients, prints each rate, and returns the fastest count. */
	static int fastest(int most, Rate rate, PrintStream out) throws IOException, InterruptedException {
		int best = 1;
		double bestRate = -1;
		for (int clients = 1; clients <= most; clients++) {
			double connectionsPerSecond = rate.of(clients);
			out.printf("calibration: %d client and %d acceptor threads: %.0f conn/s%n", clients, clients,
					connectionsPerSecond);
			if (connectionsPerSecond > bestRate) {
				best = clients;
				bestRate = connectionsPerSecond;
			}
		}
		return best;
	}
}
