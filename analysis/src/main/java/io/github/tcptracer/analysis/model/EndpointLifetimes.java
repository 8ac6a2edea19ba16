package io.github.tcptracer.analysis.model;

/** Nearest-rank percentiles of the lifetimes of an endpoint's connections. */
public record EndpointLifetimes(EndpointRef endpoint, long connections, long p50Nanos, long p90Nanos,
		long p99Nanos, long maxNanos) {
}
