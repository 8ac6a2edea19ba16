package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.CaptureAssertions.SELF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An overflowing ring buffer loses events visibly: every event is either delivered or counted lost. */
class LostEventsTest {

	@Test
	void deliveredPlusLostIsEverythingThatHappened() throws Exception {
		int connections = 100; // 400 events of 120 ring bytes each; a one-page ring per CPU holds about 34
		try (TcpTracer tracer = BpfRequirement.start(TraceOptions.all().withPid(SELF).withRingBufferBytes(4096));
				ServerSocket server = new ServerSocket(0, connections, InetAddress.getLoopbackAddress())) {
			for (int i = 0; i < connections; i++) {
				try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
						Socket accepted = server.accept()) {
					assertTrue(accepted.isConnected());
				}
			}
			Thread.sleep(50);
			AtomicInteger delivered = new AtomicInteger();
			while (tracer.poll(event -> delivered.incrementAndGet()) > 0) {
				// drain everything that fitted
			}
			long lost = tracer.lostEvents();
			assertTrue(lost > 0, "the ring buffer overflowed");
			assertEquals(4 * connections, delivered.get() + lost, "delivered " + delivered + ", lost " + lost);
		}
	}
}
