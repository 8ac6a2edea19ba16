package io.github.tcptracer.jfr;

import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

@Name(TcpEventNames.CLOSE)
@Label("TCP Close")
@Description("An established connection was closed: by a process (close, shutdown), or by a reset or timeout")
public class TcpCloseEvent extends TcpConnectionEvent {
	/** {@link #attribution} when the event's task closed the connection. */
	public static final String BY_CALLER = "caller";
	/** {@link #attribution} when nobody closed it and the task is the connection's owner. */
	public static final String BY_OWNER = "owner";
	/** {@link #attribution} when nobody closed it and the owner was never seen. */
	public static final String UNKNOWN = "unknown";

	@Label("Lifetime")
	@Description("Time since the connection's connect or accept event; -1 ns when it opened before tracing")
	@Timespan(Timespan.NANOSECONDS)
	public long lifetime;

	@Label("Bytes Sent")
	@Description("Bytes sent and acknowledged by the peer")
	@DataAmount
	public long bytesSent;

	@Label("Bytes Received")
	@Description("Bytes received from the peer")
	@DataAmount
	public long bytesReceived;

	@Label("Error")
	@Description("Why the kernel closed it (ECONNRESET, ETIMEDOUT, EPIPE); empty for a close by a process")
	public String error;

	@Label("Attribution")
	@Description("caller: the task closed it; owner: a reset or timeout closed it and the task is the one that"
			+ " opened or accepted it; unknown: likewise, but the connection opened before tracing")
	public String attribution;
}
