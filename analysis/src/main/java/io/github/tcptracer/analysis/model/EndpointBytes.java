package io.github.tcptracer.analysis.model;

public record EndpointBytes(EndpointRef endpoint, long closes, long bytesSent, long bytesReceived) {
}
