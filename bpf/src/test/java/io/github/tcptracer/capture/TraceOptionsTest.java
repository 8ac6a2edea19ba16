package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TraceOptionsTest {
	@Test
	void rejectsBadIpVersionAndRingSizes() {
		assertThrows(IllegalArgumentException.class, () -> TraceOptions.all().withIpVersion(5));
		assertThrows(IllegalArgumentException.class, () -> TraceOptions.all().withRingBufferBytes(3000));
		assertThrows(IllegalArgumentException.class, () -> TraceOptions.all().withRingBufferBytes(12288));
		assertEquals(1 << 20, TraceOptions.all().withRingBufferBytes(1 << 20).ringBufferBytes());
		assertThrows(IllegalArgumentException.class, () -> TraceOptions.all().withMaxConnections(0));
		assertThrows(IllegalArgumentException.class,
				() -> TraceOptions.all().withMaxConnections(TraceOptions.MAX_CONNECTIONS_LIMIT + 1));
		assertEquals(8, TraceOptions.all().withMaxConnections(8).maxConnections());
	}

	@Test
	void withersChangeOneField() {
		TraceOptions options = TraceOptions.all().withPid(7).withNetworkNamespace(4026531840L).withIpVersion(6);
		assertEquals(7, options.pid());
		assertEquals(4026531840L, options.networkNamespace());
		assertEquals(6, options.ipVersion());
		assertEquals(TraceOptions.DEFAULT_RING_BUFFER_BYTES, options.ringBufferBytes());
		assertEquals(true, options.skipRecovery());
		TraceOptions withoutRecovery = options.withSkipRecovery(false);
		assertEquals(false, withoutRecovery.skipRecovery());
		assertEquals(options, withoutRecovery.withSkipRecovery(true));
	}
}
