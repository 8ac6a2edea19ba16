package io.github.tcptracer.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The churn's clients wait for the acceptors rather than fill the accept queue. */
class LoopbackChurnTest {

	@Test
	void clientsStopAheadOfAcceptorsThatFallBehind() throws Exception {
		long made;
		// No acceptor at all: without the limit the client fills the accept queue (4096) within
		// tens of milliseconds, and then hangs in SYN retransmissions.
		try (LoopbackChurn churn = new LoopbackChurn(1, 0)) {
			long deadline = System.nanoTime() + 30_000_000_000L;
			while (churn.connections() < LoopbackChurn.MOST_UNACCEPTED && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			Thread.sleep(500); // time to run on past the limit, were there none
			made = churn.connections();
		}
		assertTrue(made >= LoopbackChurn.MOST_UNACCEPTED && made <= LoopbackChurn.MOST_UNACCEPTED
				+ LoopbackChurn.CHECK_EVERY, "connections made without an acceptor: " + made);
	}
}
