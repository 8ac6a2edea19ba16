package io.github.tcptracer.analysis.model;

public record ThreadCount(int pid, int tid, String command, long connects) {
}
