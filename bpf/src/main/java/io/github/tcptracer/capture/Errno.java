package io.github.tcptracer.capture;

/** Symbolic names of the socket errors a TCP connection ends with (Linux numbering). */
public final class Errno {
	private Errno() {
	}

	/** "ECONNREFUSED" for 111; "" for 0; "errno N" for others. */
	public static String name(int errno) {
		return switch (errno) {
			case 0 -> "";
			case 32 -> "EPIPE";
			case 101 -> "ENETUNREACH";
			case 103 -> "ECONNABORTED";
			case 104 -> "ECONNRESET";
			case 110 -> "ETIMEDOUT";
			case 111 -> "ECONNREFUSED";
			case 113 -> "EHOSTUNREACH";
			default -> "errno " + errno;
		};
	}
}
