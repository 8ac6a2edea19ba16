package io.github.tcptracer.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Counts since the previous statistics event; emitted periodically and when tracing ends. */
@Name(TcpEventNames.STATISTICS)
@Label("TCP Tracer Statistics")
@Description("Events seen, lost in the kernel and dropped in user space since the previous statistics event")
@Category({"Operating System", "Network", "TCP"})
@StackTrace(false)
public class TcpTracerStatisticsEvent extends Event {
	@Label("Connects")
	public long connects;

	@Label("Accepts")
	public long accepts;

	@Label("Closes")
	public long closes;

	@Label("Failed Connects")
	public long failedConnects;

	@Label("Lost Events")
	@Description("Events the kernel could not deliver: the ring buffer was full")
	public long lostEvents;

	@Label("Dropped Events")
	@Description("Events received but not recorded: a user-space queue was full")
	public long droppedEvents;
}
