package io.github.tcptracer.analysis.connections;

import io.github.tcptracer.analysis.input.TcpEvent;
import io.github.tcptracer.analysis.input.TcpEventKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Matches each close to the connect or accept before it with the same process and 4-tuple. The
 * lifetime is the close's own {@code lifetime} field when the tracer knew it, else the kernel-time
 * difference. A close without a match belongs to a connection opened before the recording: it is
 * inbound when its local port is one the recording saw accepts on, outbound otherwise. Connections
 * are handed on as they complete rather than collected: a million of them would only be work for
 * the garbage collector.
 */
public final class ConnectionPairer {
	private ConnectionPairer() {
	}

	/**
	 * @param events         sorted by kernel time
	 * @param listeningPorts local ports with accepts: where an unmatched close counts as inbound
	 * @param connections    gets every connection: closed ones at their close, open ones at the end
	 */
	public static PairingCounts pair(List<TcpEvent> events, IntPredicate listeningPorts,
			Consumer<Connection> connections) {
		Map<ConnectionKey, TcpEvent> open = new HashMap<>();
		long closedUnseenOpen = 0;
		long superseded = 0;
		for (TcpEvent event : events) {
			if (event.kind().opensConnection()) {
				if (open.put(ConnectionKey.of(event), event) != null) {
					superseded++;
				}
			} else if (event.kind() == TcpEventKind.CLOSE) {
				TcpEvent opened = open.remove(ConnectionKey.of(event));
				if (opened != null) {
					connections.accept(new Connection(endpointOf(opened, opened.kind() == TcpEventKind.ACCEPT), opened,
							event, lifetime(opened, event)));
				} else {
					closedUnseenOpen++;
					connections.accept(new Connection(endpointOf(event, listeningPorts.test(event.localPort())), null,
							event, event.lifetimeNanos()));
				}
			}
		}
		for (TcpEvent opened : open.values()) {
			connections.accept(new Connection(endpointOf(opened, opened.kind() == TcpEventKind.ACCEPT), opened, null,
					TcpEvent.UNKNOWN));
		}
		return new PairingCounts(closedUnseenOpen, superseded, open.size());
	}

	private static Endpoint endpointOf(TcpEvent event, boolean inbound) {
		return inbound ? Endpoint.inbound(event.localPort()) : Endpoint.outbound(event.address(), event.port());
	}

	private static long lifetime(TcpEvent open, TcpEvent close) {
		if (close.lifetimeNanos() >= 0) {
			return close.lifetimeNanos();
		}
		return Math.max(0, close.kernelNanos() - open.kernelNanos());
	}
}
