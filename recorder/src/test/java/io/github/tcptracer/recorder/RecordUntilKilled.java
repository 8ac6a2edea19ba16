package io.github.tcptracer.recorder;

import io.github.tcptracer.capture.TcpEvent;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The recorder process of {@link SigkillTest}: records made-up events (event n has local port
 * 10000 + n) every two milliseconds, with a short flush interval, until it is killed.
 *
 * <p>Arguments: the file, and the flush interval in milliseconds.
 */
public final class RecordUntilKilled {
	private RecordUntilKilled() {
	}

	public static void main(String[] args) throws Exception {
		JfrFileSink sink = JfrFileSink.open(Path.of(args[0]), Duration.ofMillis(Long.parseLong(args[1])));
		System.out.println("recording");
		System.out.flush();
		for (int n = 0; n < SyntheticEvents.DISTINCT_PORTS; n++) {
			TcpEvent event = SyntheticEvents.of(SyntheticEvents.cycle(n), n);
			sink.onEvent(event);
			sink.afterPoll(0);
			Thread.sleep(2);
		}
		throw new IllegalStateException("not killed in time");
	}
}
