package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Predicate;

/** Shared look-ups over collected events. */
final class CaptureAssertions {
	private CaptureAssertions() {
	}

	static final int SELF = (int) ProcessHandle.current().pid();

	/** Events of this JVM on a connection with the given server port (either side). */
	static Predicate<TcpEvent> onServerPort(int port) {
		return e -> e.localPort() == port || e.remotePort() == port;
	}

	static List<TcpEvent> ofType(List<TcpEvent> events, TcpEventType type) {
		return events.stream().filter(e -> e.type() == type).toList();
	}

	static TcpEvent single(List<TcpEvent> events, TcpEventType type) {
		List<TcpEvent> matching = ofType(events, type);
		assertEquals(1, matching.size(), () -> "one " + type + " expected in " + events);
		return matching.get(0);
	}

	static Predicate<List<TcpEvent>> atLeast(int count) {
		return events -> events.size() >= count;
	}
}
