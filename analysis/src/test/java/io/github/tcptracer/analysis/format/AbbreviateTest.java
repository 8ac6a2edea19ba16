package io.github.tcptracer.analysis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AbbreviateTest {
	@Test
	void keepsWhatFits() {
		assertEquals("10.0.0.1:80", Abbreviate.middle("10.0.0.1:80", 11));
	}

	@Test
	void cutsTheMiddleSoThatThePortStays() {
		assertEquals("[2001:db8:..5678]:8443", Abbreviate.middle("[2001:db8:1234:5678:9abc:def0:1234:5678]:8443", 22));
	}

	/** The port of "address:port (host)" is in the middle: the host name gives way first. */
	@Test
	void shortensTheHostNameRatherThanThePort() {
		String endpoint = "[::ffff:127.0.0.3]:443 (a-very-long-host-name-that-goes-on.example.internal.corp)";
		assertEquals("[::ffff:127.0.0.3]:443 (a-very-lon..rnal.corp)", Abbreviate.middle(endpoint, 46));
		// Two hosts that differ only in the last octet stay apart.
		assertEquals("[::ffff:127.0.0.2]:443 (a-very-lon..rnal.corp)",
				Abbreviate.middle(endpoint.replace("127.0.0.3", "127.0.0.2"), 46));
	}

	@Test
	void dropsAHostNameWithNoRoomLeftAndShortensTheAddress() {
		assertEquals("[::ffff:127.0.0.3]:443", Abbreviate.middle("[::ffff:127.0.0.3]:443 (host.example)", 25));
		assertEquals("[::ffff:1..0.3]:443", Abbreviate.middle("[::ffff:127.0.0.3]:443 (host.example)", 19));
	}
}
