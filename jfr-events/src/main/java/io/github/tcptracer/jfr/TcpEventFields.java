package io.github.tcptracer.jfr;

/**
 * The JFR field names of tcptracer's events, for readers that look fields up by name (the
 * analysis module, JMC attributes). {@code TcpEventFieldsTest} checks every constant against the
 * schema classes, so a renamed field breaks the build instead of a report.
 */
public final class TcpEventFields {
	// TcpConnectionEvent: every connection event
	public static final String ADDRESS = "address";
	public static final String PORT = "port";
	public static final String LOCAL_ADDRESS = "localAddress";
	public static final String LOCAL_PORT = "localPort";
	public static final String IP_VERSION = "ipVersion";
	public static final String PID = "pid";
	public static final String TID = "tid";
	public static final String COMMAND = "command";
	public static final String JAVA_THREAD = "javaThread";
	public static final String UID = "uid";
	public static final String NETWORK_NAMESPACE = "networkNamespace";
	public static final String KERNEL_TIME = "kernelTime";
	public static final String KERNEL_NANOS = "kernelNanos";

	// TcpConnectEvent, TcpConnectFailedEvent
	public static final String HANDSHAKE_TIME = "handshakeTime";

	// TcpCloseEvent (ERROR also in TcpConnectFailedEvent)
	public static final String LIFETIME = "lifetime";
	public static final String BYTES_SENT = "bytesSent";
	public static final String BYTES_RECEIVED = "bytesReceived";
	public static final String ERROR = "error";
	public static final String ATTRIBUTION = "attribution";

	// TcpTracerStatisticsEvent
	public static final String CONNECTS = "connects";
	public static final String ACCEPTS = "accepts";
	public static final String CLOSES = "closes";
	public static final String FAILED_CONNECTS = "failedConnects";
	public static final String LOST_EVENTS = "lostEvents";
	public static final String DROPPED_EVENTS = "droppedEvents";

	private TcpEventFields() {
	}
}
