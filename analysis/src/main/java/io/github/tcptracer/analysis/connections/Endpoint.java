package io.github.tcptracer.analysis.connections;

/**
 * What the report groups connections by. Outbound, the remote address and port; inbound, the local
 * listening port (with a null address), since each peer connects from a port of its own.
 */
public record Endpoint(Direction direction, String address, int port) {
	public static Endpoint outbound(String address, int port) {
		return new Endpoint(Direction.OUTBOUND, address, port);
	}

	public static Endpoint inbound(int localPort) {
		return new Endpoint(Direction.INBOUND, null, localPort);
	}
}
