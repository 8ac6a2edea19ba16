package io.github.tcptracer.analysis.model;

public record OutboundEndpoint(EndpointRef endpoint, long connects, long failedConnects) {
}
