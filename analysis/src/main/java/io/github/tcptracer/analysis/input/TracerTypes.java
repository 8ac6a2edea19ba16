package io.github.tcptracer.analysis.input;

import io.github.tcptracer.jfr.TcpEventNames;
import java.util.List;

/** The JFR type names of the tracer's events; the report lists each of them, even when it has none. */
public final class TracerTypes {
	public static final List<String> NAMES = List.of(TcpEventNames.CONNECT, TcpEventNames.ACCEPT,
			TcpEventNames.CLOSE, TcpEventNames.CONNECT_FAILED, TcpEventNames.STATISTICS);

	private TracerTypes() {
	}
}
