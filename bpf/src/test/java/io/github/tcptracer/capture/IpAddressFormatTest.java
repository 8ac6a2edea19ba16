package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what glibc's inet_ntop prints (checked with Python's socket.inet_ntop). */
class IpAddressFormatTest {

	@ParameterizedTest
	@CsvSource({
			"::1, ::1",
			"::, ::",
			"fe80::1:0:0:0, fe80::1:0:0:0",
			"2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
			"2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
			"1:0:0:0:0:0:0:0, 1::",
			"1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
			"1:0:3:4:5:6:7:8, 1:0:3:4:5:6:7:8",
			"::ffff:127.0.0.1, ::ffff:127.0.0.1",
			"::1.2.3.4, ::1.2.3.4",
			"::0.0.1.2, ::102",
			"::ffff:0:1, ::ffff:0.0.0.1",
			"0:0:0:0:0:fffe:102:304, ::fffe:102:304",
			"FE80:0:0:0:ABCD:0:0:1, fe80::abcd:0:0:1"})
	void ipv6LikeGlibc(String input, String expected) throws Exception {
		byte[] bytes = new byte[16];
		// Parse through the JDK, but keep v4-mapped addresses as 16 bytes (the JDK would shorten them).
		String[] groups = expand(input);
		for (int i = 0; i < 8; i++) {
			int value = Integer.parseInt(groups[i], 16);
			bytes[2 * i] = (byte) (value >>> 8);
			bytes[2 * i + 1] = (byte) value;
		}
		assertEquals(expected, IpAddressFormat.ipv6(bytes, 0));
	}

	@ParameterizedTest
	@CsvSource({"127.0.0.1", "0.0.0.0", "255.255.255.255", "10.1.200.3"})
	void ipv4DottedQuad(String address) throws Exception {
		byte[] bytes = new byte[] {9, 9, 0, 0, 0, 0};
		System.arraycopy(InetAddress.getByName(address).getAddress(), 0, bytes, 2, 4);
		assertEquals(address, IpAddressFormat.ipv4(bytes, 2));
	}

	/** "::ffff:1.2.3.4" or "fe80::1" to eight hex groups. */
	private static String[] expand(String text) {
		String address = text;
		int lastColon = address.lastIndexOf(':');
		if (address.indexOf('.') > 0) {
			String[] quad = address.substring(lastColon + 1).split("\\.");
			address = address.substring(0, lastColon + 1)
					+ Integer.toHexString(Integer.parseInt(quad[0]) << 8 | Integer.parseInt(quad[1])) + ":"
					+ Integer.toHexString(Integer.parseInt(quad[2]) << 8 | Integer.parseInt(quad[3]));
		}
		String[] halves = address.split("::", -1);
		String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
		String[] tail = halves.length < 2 || halves[1].isEmpty() ? new String[0] : halves[1].split(":");
		String[] groups = new String[8];
		java.util.Arrays.fill(groups, "0");
		System.arraycopy(head, 0, groups, 0, head.length);
		System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
		return groups;
	}
}
