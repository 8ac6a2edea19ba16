package io.github.tcptracer.capture;

/**
 * Addresses in glibc's {@code inet_ntop} form, which bcc prints. Hand-written because the JDK's
 * {@code Inet6Address.getHostAddress()} neither compresses zero runs nor prints embedded IPv4
 * ({@code ::ffff:1.2.3.4}), and turns v4-mapped addresses into {@code Inet4Address}.
 */
public final class IpAddressFormat {
	private IpAddressFormat() {
	}

	/** Dotted quad of the first four bytes at {@code offset}. */
	public static String ipv4(byte[] address, int offset) {
		return (address[offset] & 0xff) + "." + (address[offset + 1] & 0xff) + "."
				+ (address[offset + 2] & 0xff) + "." + (address[offset + 3] & 0xff);
	}

	/**
	 * The 16 bytes at {@code offset} as glibc prints them: lowercase hex, the first longest run
	 * of two or more zero groups as {@code ::}, and {@code ::ffff:a.b.c.d} / {@code ::a.b.c.d}
	 * for v4-mapped and v4-compatible addresses.
	 */
	public static String ipv6(byte[] address, int offset) {
		int[] words = new int[8];
		for (int i = 0; i < 8; i++) {
			words[i] = ((address[offset + 2 * i] & 0xff) << 8) | (address[offset + 2 * i + 1] & 0xff);
		}
		int bestBase = -1;
		int bestLength = 0;
		int runBase = -1;
		int runLength = 0;
		for (int i = 0; i <= 8; i++) {
			if (i < 8 && words[i] == 0) {
				if (runBase < 0) {
					runBase = i;
					runLength = 0;
				}
				runLength++;
			} else if (runBase >= 0) {
				if (runLength > bestLength) {
					bestBase = runBase;
					bestLength = runLength;
				}
				runBase = -1;
			}
		}
		if (bestLength < 2) {
			bestBase = -1;
		}
		StringBuilder text = new StringBuilder(40);
		for (int i = 0; i < 8; i++) {
			if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
				if (i == bestBase) {
					text.append(':');
				}
				continue;
			}
			if (i != 0) {
				text.append(':');
			}
			if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff))) {
				return text.append(ipv4(address, offset + 12)).toString();
			}
			text.append(Integer.toHexString(words[i]));
		}
		if (bestBase >= 0 && bestBase + bestLength == 8) {
			text.append(':');
		}
		return text.toString();
	}
}
