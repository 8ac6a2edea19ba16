package io.github.tcptracer.analysis.model;

import java.util.List;

/**
 * How long connections lived.
 *
 * @param closed           connections whose close is in the recording
 * @param withLifetime     of those, the ones whose lifetime is known
 * @param closedUnseenOpen closes whose connect or accept is not in the recording
 * @param supersededOpens  opens whose close was lost: the same connection opened again first
 */
public record LifetimeSection(long closed, long withLifetime, long closedUnseenOpen, long supersededOpens,
		List<HistogramBin> histogram, List<EndpointLifetimes> endpoints, OpenAtEnd openAtEnd) {
}
