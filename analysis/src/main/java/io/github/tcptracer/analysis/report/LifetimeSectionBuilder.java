package io.github.tcptracer.analysis.report;

import io.github.tcptracer.analysis.connections.LifetimeTally;
import io.github.tcptracer.analysis.connections.PairingCounts;
import io.github.tcptracer.analysis.connections.EndpointStats;
import io.github.tcptracer.analysis.connections.Percentiles;
import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.model.EndpointLifetimes;
import io.github.tcptracer.analysis.model.HistogramBin;
import io.github.tcptracer.analysis.model.LifetimeSection;
import io.github.tcptracer.analysis.model.OpenAtEnd;
import io.github.tcptracer.analysis.model.OpenEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

final class LifetimeSectionBuilder {
	private LifetimeSectionBuilder() {
	}

	static LifetimeSection build(TcpAnalysis analysis, int top) {
		LifetimeTally tally = analysis.lifetimes();
		List<HistogramBin> histogram = new ArrayList<>();
		for (int bin = 0; bin < tally.bins(); bin++) {
			histogram.add(new HistogramBin(tally.upperBoundNanos(bin), tally.count(bin)));
		}
		List<EndpointLifetimes> endpoints = Top.of(
				analysis.endpoints().stream().filter(stats -> stats.lifetimes().count() > 0).toList(), top,
				Comparator.comparingInt((EndpointStats stats) -> stats.lifetimes().count()).reversed())
				.stream().map(stats -> lifetimes(analysis, stats)).toList();
		List<OpenEndpoint> open = Top.of(
				analysis.endpoints().stream().filter(stats -> stats.openAtEnd() > 0).toList(), top,
				Comparator.comparingLong(EndpointStats::openAtEnd).reversed())
				.stream().map(stats -> new OpenEndpoint(analysis.ref(stats.endpoint()), stats.openAtEnd(),
						stats.oldestOpenMillis()))
				.toList();
		PairingCounts pairing = analysis.pairing();
		return new LifetimeSection(tally.closed(), tally.withLifetime(), pairing.closedUnseenOpen(),
				pairing.supersededOpens(), histogram, endpoints, new OpenAtEnd(pairing.openAtEnd(), open));
	}

	private static EndpointLifetimes lifetimes(TcpAnalysis analysis, EndpointStats stats) {
		Percentiles p = stats.lifetimes();
		return new EndpointLifetimes(analysis.ref(stats.endpoint()), p.count(), p.percentile(50), p.percentile(90),
				p.percentile(99), p.max());
	}
}
