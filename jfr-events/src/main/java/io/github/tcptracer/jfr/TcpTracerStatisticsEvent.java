package io.github.tcptracer.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Counts since the previous statistics event; emitted periodically and when tracing ends. The
 * event's start time and duration are the period it counts, so consecutive ones tile the trace.
 */
@Name(TcpEventNames.STATISTICS)
@Label("TCP Tracer Statistics")
@Description("Events seen, lost in the kernel and dropped in user space during the event's period, which starts"
		+ " where the previous statistics event ended")
@Category({"Operating System", "Network", "TCP"})
@StackTrace(false)
@Period("endChunk") // once per chunk: the default, everyChunk, also fires when a chunk begins
public class TcpTracerStatisticsEvent extends Event {
	@Label("Connects")
	@Description("TCP Connect events recorded")
	public long connects;

	@Label("Accepts")
	@Description("TCP Accept events recorded")
	public long accepts;

	@Label("Closes")
	@Description("TCP Close events recorded")
	public long closes;

	@Label("Failed Connects")
	@Description("TCP Connect Failed events recorded")
	public long failedConnects;

	@Label("Lost Events")
	@Description("Events the kernel could not deliver: the ring buffer was full, or a program run the kernel"
			+ " skipped could not be made up for")
	public long lostEvents;

	@Label("Dropped Events")
	@Description("Events received but not recorded in full: a user-space queue was full, or the event was of a"
			+ " type this version does not record")
	public long droppedEvents;
}
