package io.github.tcptracer.jfr;

import java.util.List;
import jdk.jfr.Event;

/**
 * Every event class of the schema. Writers declare all of them up front, so that a recording
 * lists each type even when none of its events occurred: a reader can then tell "traced, but
 * nothing happened" from "not traced".
 */
public final class TcpEventTypes {
	public static final List<Class<? extends Event>> ALL = List.of(
			TcpConnectEvent.class,
			TcpAcceptEvent.class,
			TcpCloseEvent.class,
			TcpConnectFailedEvent.class,
			TcpTracerStatisticsEvent.class);

	private TcpEventTypes() {
	}
}
