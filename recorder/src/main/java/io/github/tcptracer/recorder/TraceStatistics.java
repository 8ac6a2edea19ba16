package io.github.tcptracer.recorder;

import io.github.tcptracer.capture.TcpEventType;
import io.github.tcptracer.jfr.TcpTracerStatisticsEvent;

/**
 * What the statistics event reports: events recorded per type, lost in the kernel and dropped
 * here, since the previous statistics event.
 */
public final class TraceStatistics {
	private long connects;
	private long accepts;
	private long closes;
	private long failedConnects;
	private long dropped;
	private long kernelLostTotal;
	private long kernelLostReported;

	public void recorded(TcpEventType type) {
		switch (type) {
			case CONNECT -> connects++;
			case ACCEPT -> accepts++;
			case CLOSE -> closes++;
			case CONNECT_FAILED -> failedConnects++;
			default -> throw new IllegalArgumentException("not a recorded type: " + type);
		}
	}

	public void dropped() {
		dropped++;
	}

	/** The kernel's running total of lost events; the event reports the increase. */
	public void kernelLostTotal(long total) {
		kernelLostTotal = Math.max(kernelLostTotal, total);
	}

	/** Whether anything happened since the previous statistics event. */
	public boolean hasNews() {
		return connects + accepts + closes + failedConnects + dropped > 0 || kernelLostTotal > kernelLostReported;
	}

	/** Puts the counts so far into {@code event}'s fields (not its period) and starts over. */
	public void takeInto(TcpTracerStatisticsEvent event) {
		event.connects = connects;
		event.accepts = accepts;
		event.closes = closes;
		event.failedConnects = failedConnects;
		event.lostEvents = kernelLostTotal - kernelLostReported;
		event.droppedEvents = dropped;
		connects = 0;
		accepts = 0;
		closes = 0;
		failedConnects = 0;
		dropped = 0;
		kernelLostReported = kernelLostTotal;
	}
}
