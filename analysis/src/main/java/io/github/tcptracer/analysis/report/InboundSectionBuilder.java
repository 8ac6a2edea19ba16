package io.github.tcptracer.analysis.report;

import io.github.tcptracer.analysis.connections.EventTally;
import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.input.TcpEventKind;
import io.github.tcptracer.analysis.model.InboundSection;
import io.github.tcptracer.analysis.model.ListeningPort;
import io.github.tcptracer.analysis.model.PeerCount;

final class InboundSectionBuilder {
	private InboundSectionBuilder() {
	}

	static InboundSection build(TcpAnalysis analysis, int top) {
		EventTally tally = analysis.tally();
		return new InboundSection(analysis.count(TcpEventKind.ACCEPT), RateCalculator.of(tally, TcpEventKind.ACCEPT),
				Top.of(tally.acceptsPerPort(), top, ListeningPort::new),
				Top.of(tally.acceptsPerPeer(), top, (address, count) -> new PeerCount(address,
						analysis.content().hostNames().hostOf(address), count)));
	}
}
