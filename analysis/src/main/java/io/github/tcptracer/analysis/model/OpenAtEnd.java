package io.github.tcptracer.analysis.model;

import java.util.List;

/** Connections opened in the recording and not closed by its end. */
public record OpenAtEnd(long connections, List<OpenEndpoint> endpoints) {
}
