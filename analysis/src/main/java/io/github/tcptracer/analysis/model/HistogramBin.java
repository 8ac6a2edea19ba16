package io.github.tcptracer.analysis.model;

/** Lifetimes below upperBoundNanos and at or above the previous bin's bound; null: no upper bound. */
public record HistogramBin(Long upperBoundNanos, long count) {
}
