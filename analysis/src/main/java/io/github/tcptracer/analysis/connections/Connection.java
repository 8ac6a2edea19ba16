package io.github.tcptracer.analysis.connections;

import io.github.tcptracer.analysis.input.TcpEvent;

/**
 * One connection as far as the recording shows it.
 *
 * @param open          its connect or accept; null when it opened before the recording
 * @param close         its close; null when it was still open at the end
 * @param lifetimeNanos from open to close; -1 when unknown (still open, or opened unseen and the
 *                      close carries no lifetime)
 */
public record Connection(Endpoint endpoint, TcpEvent open, TcpEvent close, long lifetimeNanos) {
	public boolean isClosed() {
		return close != null;
	}

	public boolean hasLifetime() {
		return lifetimeNanos >= 0;
	}
}
