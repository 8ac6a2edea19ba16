package io.github.tcptracer.analysis.input;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

/**
 * Host names the recording itself knows, from the {@code host} of JDK socket events. Never asks
 * DNS: the report describes the recording, and a name resolved today may not be the one used then.
 * Addresses are compared in one canonical form, since our events write IPv6 compressed and
 * v4-mapped peers as {@code ::ffff:a.b.c.d}, while the JDK writes IPv6 in full.
 */
public final class HostNames {
	public static final HostNames NONE = new HostNames(Map.of());
	private static final String V4_MAPPED_PREFIX = "::ffff:";

	private final Map<String, String> hostsByCanonicalAddress;

	private HostNames(Map<String, String> hostsByCanonicalAddress) {
		this.hostsByCanonicalAddress = hostsByCanonicalAddress;
	}

	static HostNames of(Map<String, String> hostsByAddress) {
		Map<String, String> canonical = new HashMap<>();
		hostsByAddress.forEach((address, host) -> canonical.putIfAbsent(canonical(address), host));
		return new HostNames(canonical);
	}

	/** The host name recorded for the address, or null. */
	public String hostOf(String address) {
		return hostsByCanonicalAddress.isEmpty() ? null : hostsByCanonicalAddress.get(canonical(address));
	}

	static String canonical(String address) {
		String plain = address.startsWith("/") ? address.substring(1) : address;
		int scope = plain.indexOf('%');
		if (scope >= 0) {
			plain = plain.substring(0, scope);
		}
		if (plain.regionMatches(true, 0, V4_MAPPED_PREFIX, 0, V4_MAPPED_PREFIX.length())
				&& plain.indexOf('.') > 0) {
			return plain.substring(V4_MAPPED_PREFIX.length());
		}
		if (plain.indexOf(':') < 0) {
			return plain;
		}
		try {
			// In brackets the JDK takes it as an IPv6 literal or fails: it never asks DNS.
			return InetAddress.getByName("[" + plain + "]").getHostAddress();
		} catch (UnknownHostException e) {
			return plain;
		}
	}
}
