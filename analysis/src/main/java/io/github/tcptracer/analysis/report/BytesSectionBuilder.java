package io.github.tcptracer.analysis.report;

import io.github.tcptracer.analysis.connections.EndpointStats;
import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.model.BytesSection;
import io.github.tcptracer.analysis.model.EndpointBytes;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

final class BytesSectionBuilder {
	private BytesSectionBuilder() {
	}

	static BytesSection build(TcpAnalysis analysis, int top) {
		Collection<EndpointStats> all = analysis.endpoints();
		List<EndpointBytes> endpoints = Top.of(
				all.stream().filter(stats -> stats.closesWithBytes() > 0).toList(), top,
				Comparator.comparingLong((EndpointStats stats) -> stats.bytesSent() + stats.bytesReceived())
						.reversed())
				.stream().map(stats -> new EndpointBytes(analysis.ref(stats.endpoint()), stats.closesWithBytes(),
						stats.bytesSent(), stats.bytesReceived()))
				.toList();
		return new BytesSection(all.stream().mapToLong(EndpointStats::closesWithBytes).sum(),
				all.stream().mapToLong(EndpointStats::bytesSent).sum(),
				all.stream().mapToLong(EndpointStats::bytesReceived).sum(), endpoints);
	}
}
