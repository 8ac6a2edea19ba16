package io.github.tcptracer.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The churn's clients wait for the acceptors rather than fill the accept queue. */
class LoopbackChurnTest {

	@Test
	void clientsStopAheadOfAcceptorsThatFallBehind() throws Exception {
		long made;
		// No acceptor at all: without the limit the client fills the accept queue (4096) and then
		// hangs in SYN retransmissions.
		try (LoopbackChurn churn = new LoopbackChurn(1, 0)) {
			long before;
			made = churn.connections();
			do {
				before = made;
				Thread.sleep(300);
				made = churn.connections();
			} while (made > before);
		}
		assertTrue(made >= LoopbackChurn.MOST_UNACCEPTED && made <= LoopbackChurn.MOST_UNACCEPTED
				+ LoopbackChurn.CHECK_EVERY, "connections made without an acceptor: " + made);
	}
}
