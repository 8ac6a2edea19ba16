package io.github.tcptracer.capture;

/** The kind of a {@link TcpEvent}; codes are {@code enum event_type} of tcptracer.h. */
public enum TcpEventType {
	CONNECT(1, "C", "connect"),
	ACCEPT(2, "A", "accept"),
	CLOSE(3, "X", "close"),
	/** An active open that never got established (refused, timed out, aborted). bcc prints none. */
	CONNECT_FAILED(4, "F", "connect-failed"),
	UNKNOWN(0, "U", "unknown");

	private static final TcpEventType[] BY_CODE = {UNKNOWN, CONNECT, ACCEPT, CLOSE, CONNECT_FAILED};

	private final int code;
	private final String letter;
	private final String word;

	TcpEventType(int code, String letter, String word) {
		this.code = code;
		this.letter = letter;
		this.word = word;
	}

	public static TcpEventType of(int code) {
		return code > 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
	}

	public int code() {
		return code;
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
