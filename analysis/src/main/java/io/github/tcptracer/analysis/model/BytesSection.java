package io.github.tcptracer.analysis.model;

import java.util.List;

/** Bytes moved, as reported by close events that carry counts. */
public record BytesSection(long closesWithBytes, long bytesSent, long bytesReceived,
		List<EndpointBytes> endpoints) {
}
