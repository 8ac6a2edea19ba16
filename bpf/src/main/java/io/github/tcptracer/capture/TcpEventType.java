package io.github.tcptracer.capture;

/** The kind of a {@link TcpEvent}. */
public enum TcpEventType {
	CONNECT("C", "connect"),
	ACCEPT("A", "accept"),
	CLOSE("X", "close"),
	/** An active open that never got established (refused, timed out, aborted). bcc prints none. */
	CONNECT_FAILED("F", "connect-failed"),
	UNKNOWN("U", "unknown");

	/** Indexed by {@code enum event_type} of tcptracer.h. */
	private static final TcpEventType[] BY_CODE = {UNKNOWN, CONNECT, ACCEPT, CLOSE, CONNECT_FAILED};

	private final String letter;
	private final String word;

	TcpEventType(String letter, String word) {
		this.letter = letter;
		this.word = word;
	}

	/** The type of {@code enum event_type} value {@code code}; UNKNOWN for any other value. */
	public static TcpEventType of(int code) {
		return code > 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
	}

	/** bcc's one-letter type (default output). */
	public String letter() {
		return letter;
	}

	/** bcc's type word ({@code -v} output). */
	public String word() {
		return word;
	}
}
