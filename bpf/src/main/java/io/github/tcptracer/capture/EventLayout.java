package io.github.tcptracer.capture;

/** Byte offsets of {@code struct event} in tcptracer.h (little-endian, x86-64/arm64). */
final class EventLayout {
	static final int TS_NS = 0;
	static final int START_NS = 8;
	static final int BYTES_ACKED = 16;
	static final int BYTES_RECEIVED = 24;
	static final int SADDR = 32;
	static final int DADDR = 48;
	static final int PID = 64;
	static final int TID = 68;
	static final int UID = 72;
	static final int NETNS = 76;
	static final int ERROR = 80;
	static final int SPORT = 84;
	static final int DPORT = 86;
	static final int FAMILY = 88;
	static final int TYPE = 90;
	static final int ATTRIBUTION = 91;
	static final int COMM = 92;
	static final int COMM_LENGTH = 16;
	static final int SOCK = 112;
	/** sizeof(struct event); the BPF program asserts the same. */
	static final int SIZE = 120;

	static final int AF_INET = 2;
	static final int AF_INET6 = 10;

	private EventLayout() {
	}
}
