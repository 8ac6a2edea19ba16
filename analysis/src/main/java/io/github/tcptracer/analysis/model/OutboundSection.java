package io.github.tcptracer.analysis.model;

import java.util.List;

/** Connections this host opened. Lists hold the top entries by count. */
public record OutboundSection(long connects, long failedConnects, Rate rate, List<OutboundEndpoint> endpoints,
		List<ProcessCount> processes, List<ThreadCount> threads) {
}
