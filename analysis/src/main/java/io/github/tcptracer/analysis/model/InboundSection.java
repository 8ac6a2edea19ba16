package io.github.tcptracer.analysis.model;

import java.util.List;

/** Connections this host accepted. Lists hold the top entries by count. */
public record InboundSection(long accepts, Rate rate, List<ListeningPort> listeningPorts, List<PeerCount> peers) {
}
