package io.github.tcptracer.capture;

/** How the task fields (pid, tid, uid, command) of a {@link TcpEvent} were found. */
public enum Attribution {
	/** The task that made the call: connect(), accept(), close()/shutdown(). */
	CALLER,
	/**
	 * No task closed the connection (reset received, retransmission or keepalive timeout): the
	 * task is the one that opened or accepted it.
	 */
	CONNECTION_OWNER,
	/**
	 * No task closed the connection, and its opening was not seen: before tracing started, before
	 * an accept() that came after the close, or dropped when more than the bound of
	 * connections were open at once.
	 */
	UNKNOWN;

	static Attribution of(int code) {
		return switch (code) {
			case 0 -> CALLER;
			case 1 -> CONNECTION_OWNER;
			default -> UNKNOWN;
		};
	}
}
