package io.github.tcptracer.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An endpoint as the JSON report names it (the schema's {@code $defs/endpoint}): outbound, the
 * remote address and port; inbound, the local listening port with a null address. The host name
 * is left out: loopback traffic has none.
 */
record EndpointKey(String direction, String address, int port) {
	static EndpointKey outbound(String address, int port) {
		return new EndpointKey("outbound", address, port);
	}

	static EndpointKey inbound(int listeningPort) {
		return new EndpointKey("inbound", null, listeningPort);
	}

	/** The key of a JSON endpoint; null for JSON null (a finding about the whole recording). */
	static EndpointKey of(JsonNode endpoint) {
		if (endpoint.isNull()) {
			return null;
		}
		JsonNode address = endpoint.required("address");
		return new EndpointKey(endpoint.required("direction").asText(), address.isNull() ? null : address.asText(),
				endpoint.required("port").asInt());
	}

	/** As the report labels it: "127.0.0.1:8080", "[::ffff:127.0.0.1]:8080", "listening :8080". */
	@Override
	public String toString() {
		if (address == null) {
			return "listening :" + port;
		}
		return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
	}
}
