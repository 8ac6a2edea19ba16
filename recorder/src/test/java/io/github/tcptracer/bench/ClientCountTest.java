package io.github.tcptracer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's client count: every count from 1 up is tried and printed, the fastest kept. */
class ClientCountTest {

	@Test
	void keepsTheFastestCountAndSaysWhatEachDid() throws Exception {
		double[] rates = { 61_000, 101_000, 116_000, 71_000 }; // as measured on 2 vCPUs before the clients' limit (4 stalled)
		List<Integer> tried = new ArrayList<>();
		ByteArrayOutputStream text = new ByteArrayOutputStream();

		int fastest = ClientCount.fastest(4, clients -> {
			tried.add(clients);
			return rates[clients - 1];
		}, new PrintStream(text, true, StandardCharsets.UTF_8));

		assertEquals(3, fastest);
		assertEquals(List.of(1, 2, 3, 4), tried);
		assertEquals("""
				calibration: 1 client and 1 acceptor threads: 61000 conn/s
				calibration: 2 client and 2 acceptor threads: 101000 conn/s
				calibration: 3 client and 3 acceptor threads: 116000 conn/s
				calibration: 4 client and 4 acceptor threads: 71000 conn/s
				""", text.toString(StandardCharsets.UTF_8));
	}

	@Test
	void aTieKeepsTheFewerThreads() throws Exception {
		assertEquals(1, ClientCount.fastest(3, clients -> 50_000,
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
	}
}
