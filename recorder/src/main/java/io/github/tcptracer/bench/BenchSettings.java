package io.github.tcptracer.bench;

/**
 * What {@code tcptracer bench} runs.
 *
 * @param rounds       measured rounds each way (without and with the tracer)
 * @param seconds      length of one round
 * @param clients      client threads, and as many acceptor threads; 0: the count that makes the fastest churn
 *                     here
 * @param skipRecovery the traced rounds make up for the state changes the kernel skips, as the tracer always
 *                     does; without it the bench measures what that costs
 */
public record BenchSettings(int rounds, double seconds, int clients, boolean skipRecovery) {
	public BenchSettings {
		if (rounds < 1 || !(seconds > 0) || clients < 0) {
			throw new IllegalArgumentException("rounds and seconds must be positive, clients not negative");
		}
	}
}
