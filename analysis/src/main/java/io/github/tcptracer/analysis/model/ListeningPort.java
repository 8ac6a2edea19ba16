package io.github.tcptracer.analysis.model;

public record ListeningPort(int port, long accepts) {
}
