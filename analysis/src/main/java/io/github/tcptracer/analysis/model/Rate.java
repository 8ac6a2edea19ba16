package io.github.tcptracer.analysis.model;

/**
 * How fast connections opened.
 *
 * @param averagePerSecond over the time from the first to the last TCP event (at least 1 s)
 * @param peakPerSecond    the most opened in one wall-clock second
 * @param peakEpochMillis  the start of that second, or null when none opened
 */
public record Rate(double averagePerSecond, long peakPerSecond, Long peakEpochMillis) {
}
