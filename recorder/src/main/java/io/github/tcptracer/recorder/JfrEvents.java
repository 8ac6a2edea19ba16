package io.github.tcptracer.recorder;

import io.github.tcptracer.capture.Errno;
import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.jfr.TcpAcceptEvent;
import io.github.tcptracer.jfr.TcpCloseEvent;
import io.github.tcptracer.jfr.TcpConnectEvent;
import io.github.tcptracer.jfr.TcpConnectFailedEvent;
import io.github.tcptracer.jfr.TcpConnectionEvent;

/**
 * The one mapping from a captured {@link TcpEvent} to the schema's JFR event. The agent commits
 * the result; the file recorder writes its fields through the JMC writer.
 */
public final class JfrEvents {
	private JfrEvents() {
	}

	/** A filled, uncommitted event; null for an event type the schema does not record. */
	public static TcpConnectionEvent from(TcpEvent event, KernelClock clock) {
		TcpConnectionEvent jfr;
		switch (event.type()) {
			case CONNECT -> {
				TcpConnectEvent connect = new TcpConnectEvent();
				connect.handshakeTime = event.handshakeNanos();
				jfr = connect;
			}
			case ACCEPT -> jfr = new TcpAcceptEvent();
			case CLOSE -> {
				TcpCloseEvent close = new TcpCloseEvent();
				close.lifetime = event.lifetimeNanos();
				close.bytesSent = event.bytesSent();
				close.bytesReceived = event.bytesReceived();
				close.error = Errno.name(event.error());
				close.attribution = switch (event.attribution()) {
					case CALLER -> TcpCloseEvent.BY_CALLER;
					case CONNECTION_OWNER -> TcpCloseEvent.BY_OWNER;
					case UNKNOWN -> TcpCloseEvent.UNKNOWN;
				};
				jfr = close;
			}
			case CONNECT_FAILED -> {
				TcpConnectFailedEvent failed = new TcpConnectFailedEvent();
				failed.error = Errno.name(event.error());
				failed.handshakeTime = event.handshakeNanos();
				jfr = failed;
			}
			default -> {
				return null;
			}
		}
		jfr.address = event.remoteAddress();
		jfr.port = event.remotePort();
		jfr.localAddress = event.localAddress();
		jfr.localPort = event.localPort();
		jfr.ipVersion = event.ipVersion();
		jfr.pid = event.pid();
		jfr.tid = event.tid();
		jfr.command = event.command();
		jfr.uid = event.uid();
		jfr.networkNamespace = event.networkNamespace();
		jfr.kernelTime = clock.toEpochMillis(event.timestampNanos());
		jfr.kernelNanos = event.timestampNanos();
		return jfr;
	}
}
