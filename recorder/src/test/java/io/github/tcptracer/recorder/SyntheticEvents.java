package io.github.tcptracer.recorder;

import io.github.tcptracer.capture.Attribution;
import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpEventType;

/** Made-up {@link TcpEvent}s with distinct, recognisable values, for tests without the kernel. */
final class SyntheticEvents {
	static final int PID = 4242;
	static final int UID = 1000;
	static final long NETNS = 4026531840L;
	/** Events up to this number have distinct local ports, 10000 + n. */
	static final int DISTINCT_PORTS = 50000;

	private SyntheticEvents() {
	}

	/** An event now (kernel clock) whose ports and tid derive from {@code n}. */
	static TcpEvent of(TcpEventType type, int n) {
		return at(type, n, System.nanoTime());
	}

	static TcpEvent at(TcpEventType type, int n, long timestampNanos) {
		int localPort = 10000 + n % DISTINCT_PORTS;
		return new TcpEvent(type, timestampNanos, PID, PID + 1 + n % 64, UID, "task-" + n % 64,
				Attribution.CALLER, 4, "10.0.0.1", localPort, "192.168.1." + (1 + n % 250), 443,
				NETNS, timestampNanos - 1_500_000, type == TcpEventType.CLOSE ? 1000L + n : 0,
				type == TcpEventType.CLOSE ? 2000L + n : 0, type == TcpEventType.CONNECT_FAILED ? 111 : 0);
	}

	/** Connect, accept, close, failed connect, connect, ... */
	static TcpEventType cycle(int n) {
		TcpEventType[] types = {TcpEventType.CONNECT, TcpEventType.ACCEPT, TcpEventType.CLOSE,
				TcpEventType.CONNECT_FAILED};
		return types[n % types.length];
	}
}
