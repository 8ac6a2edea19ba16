package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.tcptracer.capture.Attribution;
import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpEventType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Lines against what bcc's own print code writes for the same events: the goldens in
 * src/test/resources/cli/lines, written by generate_goldens.py from events.tsv.
 */
class BccLineFormatTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource({
			"default,              '',         0",
			"verbose,              -v,         0",
			"timestamp,            -t,         0",
			"timestamp_verbose,    -t -v,      0",
			"verbose_netns_filter, -v,         4026531969"})
	void printsAsBcc(String mode, String flags, long networkNamespace) {
		BccLineFormat format = BccLineFormat.of(settings(flags.contains("-t"), flags.contains("-v"),
				networkNamespace));
		StringBuilder printed = new StringBuilder(format.header());
		for (TcpEvent event : events()) {
			String line = format.line(event);
			if (line != null) {
				printed.append(line);
			}
		}
		assertEquals(Resources.text("lines/" + mode + ".txt"), printed.toString());
	}

	@Test
	void printsNoLineForAFailedConnect() {
		TcpEvent failed = events().get(0);
		assertEquals(TcpEventType.CONNECT_FAILED, failed.type());
		assertNull(new BccLineFormat(true, true, true).line(failed));
	}

	private static TraceSettings settings(boolean timestamp, boolean verbose, long networkNamespace) {
		return new TraceSettings(timestamp, verbose, 0, networkNamespace, null, null, 0, null, false, null,
				Duration.ofSeconds(1));
	}

	/** events.tsv as TcpEvents: TYPE TS_NS PID COMM IP SADDR DADDR SPORT DPORT NETNS. */
	private static List<TcpEvent> events() {
		return Resources.table("lines/events.tsv").stream()
				.map(row -> new TcpEvent(TcpEventType.of(Integer.parseInt(row[0])), Long.parseLong(row[1]),
						Integer.parseInt(row[2]), Integer.parseInt(row[2]), 0, row[3], Attribution.CALLER,
						Integer.parseInt(row[4]), row[5], Integer.parseInt(row[7]), row[6], Integer.parseInt(row[8]),
						Long.parseLong(row[9]), 0, 0, 0, 0))
				.toList();
	}
}
