package io.github.tcptracer.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

@Name(TcpEventNames.ACCEPT)
@Label("TCP Accept")
@Description("accept() returned an established connection, attributed to the accepting thread")
public class TcpAcceptEvent extends TcpConnectionEvent {
}
