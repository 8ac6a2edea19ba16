package io.github.tcptracer.analysis.model;

public record OpenEndpoint(EndpointRef endpoint, long open, long oldestOpenedEpochMillis) {
}
