package io.github.tcptracer.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bench's churn in a child JVM: it counts connections on request and stops when closed. */
class ChurnProcessTest {

	@Test
	void countsConnectionsAndStopsWhenClosed() throws Exception {
		ChurnProcess churn = new ChurnProcess(1);
		long first;
		long later;
		try {
			first = churn.connections();
			long deadline = System.nanoTime() + 10_000_000_000L;
			do {
				Thread.sleep(50);
				later = churn.connections();
			} while (later <= first && System.nanoTime() < deadline);
		} finally {
			churn.close();
		}
		assertTrue(later > first, "connections went from " + first + " to " + later);
		assertTrue(churn.exited(), "the child ends when its stdin closes");
	}
}
