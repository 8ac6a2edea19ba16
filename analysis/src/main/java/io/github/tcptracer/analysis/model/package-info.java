/**
 * The report as data: records whose components are the fields of the JSON format, in order.
 * Names carry their units (…Nanos, …EpochMillis, …PerSecond, bytes…); the JSON Schema in
 * {@code tcptracer-report.schema.json} documents every field, and a test holds the two together.
 */
package io.github.tcptracer.analysis.model;
