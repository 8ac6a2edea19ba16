package io.github.tcptracer.analysis.model;

public record PeerCount(String address, String host, long accepts) {
}
