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

	/**
	 * Lines built from held prefixes (texts shared as the decoder shares them, equal copies, slot
	 * collisions among many tasks and peers) against lines rendered from scratch.
	 */
	@ParameterizedTest(name = "verbose={0} netns={1}")
	@CsvSource({"false, false", "true, false", "true, true"})
	void linesFromHeldPrefixesMatchFreshlyRenderedOnes(boolean verbose, boolean networkNamespaceColumn) {
		String[] commands = {"java", "churn-client-0", "churn-client-1", "été-worker", "a-name-of-15-ch"};
		String[] ipv4 = {"127.0.0.1", "10.1.2.3", "192.168.100.200"};
		String[] ipv6 = {"::1", "fe80::1", "2001:db8::ff00:42:8329", "::ffff:127.0.0.1"};
		TcpEventType[] types = {TcpEventType.CONNECT, TcpEventType.ACCEPT, TcpEventType.CLOSE};
		java.util.Random random = new java.util.Random(7);
		BccLineFormat held = new BccLineFormat(false, verbose, networkNamespaceColumn);
		for (int i = 0; i < 20_000; i++) {
			boolean v6 = random.nextBoolean();
			String[] addresses = v6 ? ipv6 : ipv4;
			TcpEvent event = new TcpEvent(types[random.nextInt(types.length)], i, 1000 + random.nextInt(300), i, 0,
					maybeCopy(random, commands[random.nextInt(commands.length)]), Attribution.CALLER, v6 ? 6 : 4,
					maybeCopy(random, addresses[random.nextInt(addresses.length)]), random.nextInt(65536),
					maybeCopy(random, addresses[random.nextInt(addresses.length)]), random.nextInt(65536),
					4026531840L + random.nextInt(3), 0, 0, 0, 0);
			assertEquals(new BccLineFormat(false, verbose, networkNamespaceColumn).line(event), held.line(event));
		}
	}

	/** The same String most of the time (as the decoder hands it out), sometimes an equal copy. */
	private static String maybeCopy(java.util.Random random, String text) {
		return random.nextInt(8) == 0 ? new String(text) : text;
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
