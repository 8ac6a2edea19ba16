package io.github.tcptracer.analysis.connections;

/** Outbound: this host connected. Inbound: this host accepted. */
public enum Direction {
	OUTBOUND, INBOUND
}
