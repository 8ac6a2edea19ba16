package io.github.tcptracer.analysis.model;

import java.util.List;

/**
 * Connections opened per time bucket, for charts: bucket i covers
 * [startEpochMillis + i * bucketMillis, startEpochMillis + (i + 1) * bucketMillis).
 */
public record Timeline(long startEpochMillis, long bucketMillis, List<Long> connects, List<Long> accepts) {
}
