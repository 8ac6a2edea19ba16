package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tcptracer.capture.Attribution;
import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpEventType;
import io.github.tcptracer.capture.TraceSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeeSinkTest {
	private final List<String> calls = new ArrayList<>();

	private TraceSink sink(String name, boolean failToClose) {
		return new TraceSink() {
			@Override
			public void onEvent(TcpEvent event) {
				calls.add(name + " event");
			}

			@Override
			public void afterPoll(long kernelLostTotal) {
				calls.add(name + " poll " + kernelLostTotal);
			}

			@Override
			public void close() throws IOException {
				calls.add(name + " close");
				if (failToClose) {
					throw new IOException(name + " failed");
				}
			}
		};
	}

	@Test
	void handsEverythingToBothInOrder() throws IOException {
		try (TeeSink tee = new TeeSink(sink("jfr", false), sink("lines", false))) {
			tee.onEvent(new TcpEvent(TcpEventType.ACCEPT, 1, 1, 1, 0, "nc", Attribution.CALLER, 4, "127.0.0.1", 80,
					"127.0.0.1", 40000, 1, 0, 0, 0, 0));
			tee.afterPoll(3);
		}
		assertEquals(List.of("jfr event", "lines event", "jfr poll 3", "lines poll 3", "jfr close", "lines close"),
				calls);
	}

	@Test
	void closesTheSecondWhenTheFirstFails() {
		TeeSink tee = new TeeSink(sink("jfr", true), sink("lines", false));
		IOException failure = assertThrows(IOException.class, tee::close);
		assertEquals("jfr failed", failure.getMessage());
		assertEquals(List.of("jfr close", "lines close"), calls);
	}
}
