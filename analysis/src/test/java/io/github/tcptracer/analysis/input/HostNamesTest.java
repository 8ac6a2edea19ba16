package io.github.tcptracer.analysis.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our events and the JDK's write the same address differently; the host name is found either way. */
class HostNamesTest {
	private final HostNames names = HostNames.of(Map.of(
			"127.0.0.1", "localhost",
			"0:0:0:0:0:0:0:1", "ip6-localhost",
			"2001:db8:0:0:0:0:0:42", "db.example"));

	@Test
	void matchesV4MappedAndCompressedForms() {
		assertEquals("localhost", names.hostOf("127.0.0.1"));
		assertEquals("localhost", names.hostOf("::ffff:127.0.0.1"));
		assertEquals("ip6-localhost", names.hostOf("::1"));
		assertEquals("db.example", names.hostOf("2001:db8::42"));
		assertEquals("db.example", names.hostOf("2001:DB8::42%eth0"));
	}

	@Test
	void unknownAddressesHaveNoName() {
		assertNull(names.hostOf("10.0.0.1"));
		assertNull(HostNames.NONE.hostOf("127.0.0.1"));
	}

	@Test
	void neverLooksAnythingUp() {
		// Not an address: kept as it is, and no DNS query is made for it.
		assertEquals("example.org", HostNames.canonical("example.org"));
		assertEquals("not:an:address:at:all", HostNames.canonical("not:an:address:at:all"));
	}
}
