package io.github.tcptracer.analysis.connections;

import io.github.tcptracer.analysis.input.RecordingContent;
import io.github.tcptracer.analysis.input.TcpEvent;
import io.github.tcptracer.analysis.input.TcpEventKind;
import io.github.tcptracer.analysis.model.EndpointRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A recording's connections, paired and grouped per endpoint: what both the report and the JMC
 * rules compute their numbers from.
 */
public final class TcpAnalysis {
	private final RecordingContent content;
	private final EventTally tally;
	private final PairingCounts pairing;
	private final LifetimeTally lifetimes = new LifetimeTally();
	private final Map<Endpoint, EndpointStats> endpoints = new LinkedHashMap<>();

	private TcpAnalysis(RecordingContent content) {
		this.content = content;
		this.tally = new EventTally(content.events());
		for (TcpEvent event : tally.failedConnects()) {
			stats(Endpoint.outbound(event.address(), event.port())).addFailedConnect(event);
		}
		this.pairing = ConnectionPairer.pair(content.events(), tally::isListeningPort, connection -> {
			stats(connection.endpoint()).addConnection(connection);
			lifetimes.add(connection);
		});
	}

	public static TcpAnalysis of(RecordingContent content) {
		return new TcpAnalysis(content);
	}

	private EndpointStats stats(Endpoint endpoint) {
		return endpoints.computeIfAbsent(endpoint, EndpointStats::new);
	}

	public RecordingContent content() {
		return content;
	}

	public EventTally tally() {
		return tally;
	}

	public PairingCounts pairing() {
		return pairing;
	}

	public LifetimeTally lifetimes() {
		return lifetimes;
	}

	/** Every endpoint, in the order first seen. */
	public Collection<EndpointStats> endpoints() {
		return endpoints.values();
	}

	/** The endpoint as the report names it, with the recording's host name for its address. */
	public EndpointRef ref(Endpoint endpoint) {
		String host = endpoint.address() == null ? null : content.hostNames().hostOf(endpoint.address());
		return new EndpointRef(endpoint.direction().name().toLowerCase(Locale.ROOT), endpoint.address(),
				endpoint.port(), host);
	}

	/** Events of the kind in the recording. */
	public long count(TcpEventKind kind) {
		return tally.count(kind);
	}
}
