package io.github.tcptracer.analysis.model;

/** @param command the name (comm) of its thread with the most connects: the kernel names threads, not processes */
public record ProcessCount(int pid, String command, long connects) {
}
