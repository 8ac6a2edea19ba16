package io.github.tcptracer.jfr;

/**
 * The stable JFR names of tcptracer's events: one namespace, reverse-DNS style. Readers
 * (analysis, tests) refer to these constants, never to copies of the strings.
 */
public final class TcpEventNames {
	public static final String NAMESPACE = "io.github.tcptracer";
	public static final String CONNECT = NAMESPACE + ".TcpConnect";
	public static final String ACCEPT = NAMESPACE + ".TcpAccept";
	public static final String CLOSE = NAMESPACE + ".TcpClose";
	public static final String CONNECT_FAILED = NAMESPACE + ".TcpConnectFailed";
	public static final String STATISTICS = NAMESPACE + ".TcpTracerStatistics";

	private TcpEventNames() {
	}
}
