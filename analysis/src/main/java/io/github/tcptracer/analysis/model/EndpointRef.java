package io.github.tcptracer.analysis.model;

/**
 * An endpoint as the report names it.
 *
 * @param direction "outbound": a remote address and port; "inbound": a local listening port, with
 *                  a null address
 * @param host      the host name the recording gives the address (from JDK socket events), or null
 */
public record EndpointRef(String direction, String address, int port, String host) {
	/** "10.0.0.1:443 (db.example)", "[2001:db8::1]:443", "listening :8080". */
	public String label() {
		if (address == null) {
			return "listening :" + port;
		}
		String hostPort = (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
		return host == null ? hostPort : hostPort + " (" + host + ")";
	}
}
