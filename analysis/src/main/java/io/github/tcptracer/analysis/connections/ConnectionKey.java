package io.github.tcptracer.analysis.connections;

import io.github.tcptracer.analysis.input.TcpEvent;

/** What a close has in common with the connect or accept that opened its connection. */
record ConnectionKey(int pid, String localAddress, int localPort, String address, int port) {
	static ConnectionKey of(TcpEvent event) {
		return new ConnectionKey(event.pid(), event.localAddress(), event.localPort(), event.address(),
				event.port());
	}
}
