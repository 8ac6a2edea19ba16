package io.github.tcptracer.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

@Name(TcpEventNames.CONNECT_FAILED)
@Label("TCP Connect Failed")
@Description("An actively opened connection was never established: refused, timed out or aborted")
public class TcpConnectFailedEvent extends TcpConnectionEvent {
	@Label("Error")
	@Description("The socket error: ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH; empty when the caller gave up")
	public String error;

	@Label("Handshake Time")
	@Description("From connect() sending the SYN to the failure")
	@Timespan(Timespan.NANOSECONDS)
	public long handshakeTime;
}
