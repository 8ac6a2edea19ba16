package io.github.tcptracer.analysis.model;

import java.util.List;

/** The whole report; {@link #SCHEMA_VERSION} changes only when a field changes meaning or goes away. */
public record TcpReport(int schemaVersion, RecordingSection recording, OutboundSection outbound,
		InboundSection inbound, Timeline timeline, LifetimeSection lifetimes, List<Finding> findings,
		BytesSection bytes) {
	public static final int SCHEMA_VERSION = 1;

	/** False for a valid recording without any connection events. */
	public boolean hasConnectionEvents() {
		return recording.connectionEvents() > 0;
	}
}
