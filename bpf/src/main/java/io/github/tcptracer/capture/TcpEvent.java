package io.github.tcptracer.capture;

/**
 * One TCP event as the kernel reported it. Addresses are in the textual form of glibc's
 * {@code inet_ntop} (no brackets); ports in host order.
 *
 * @param type             what happened
 * @param timestampNanos   kernel time of the event, CLOCK_MONOTONIC nanoseconds
 * @param pid              process (thread group) id in the host pid namespace
 * @param tid              thread id
 * @param uid              user id of the task
 * @param command          the task's comm (at most 15 bytes in the kernel)
 * @param attribution      how pid, tid, uid and command were found
 * @param ipVersion        4 or 6: the socket's family (a dual-stack socket is 6)
 * @param localAddress     local address
 * @param localPort        local port (the listening port for an accept)
 * @param remoteAddress    remote address
 * @param remotePort       remote port
 * @param networkNamespace inode of the socket's network namespace
 * @param startNanos       connect and failed connect: when connect() sent the SYN; close: the
 *                         time of the connection's connect or accept event; 0 when not seen
 * @param bytesSent        close: bytes sent and acknowledged by the peer
 * @param bytesReceived    close: bytes received
 * @param error            failed connect: the socket error (errno); close: the error that
 *                         closed it (e.g. ECONNRESET), 0 for an orderly close; accept: the error
 *                         of a connection the peer reset while it waited to be accepted
 */
public record TcpEvent(
		TcpEventType type,
		long timestampNanos,
		int pid,
		int tid,
		int uid,
		String command,
		Attribution attribution,
		int ipVersion,
		String localAddress,
		int localPort,
		String remoteAddress,
		int remotePort,
		long networkNamespace,
		long startNanos,
		long bytesSent,
		long bytesReceived,
		int error) {

	/** Close: how long the connection lived since its connect/accept event; -1 when unknown. */
	public long lifetimeNanos() {
		return type == TcpEventType.CLOSE && startNanos > 0 ? timestampNanos - startNanos : -1;
	}

	/** Connect or failed connect: time from the SYN to the outcome; -1 otherwise. */
	public long handshakeNanos() {
		return (type == TcpEventType.CONNECT || type == TcpEventType.CONNECT_FAILED) && startNanos > 0
				? timestampNanos - startNanos
				: -1;
	}
}
