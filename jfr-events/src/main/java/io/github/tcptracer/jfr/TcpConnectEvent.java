package io.github.tcptracer.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

@Name(TcpEventNames.CONNECT)
@Label("TCP Connect")
@Description("An actively opened connection became established, attributed to the thread that called connect()")
public class TcpConnectEvent extends TcpConnectionEvent {
	@Label("Handshake Time")
	@Description("From connect() sending the SYN to the connection being established")
	@Timespan(Timespan.NANOSECONDS)
	public long handshakeTime;
}
