package io.github.tcptracer.agent;

import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.jfr.TcpConnectionEvent;
import io.github.tcptracer.jfr.TcpTracerStatisticsEvent;
import io.github.tcptracer.recorder.JfrEvents;
import io.github.tcptracer.recorder.KernelClock;
import io.github.tcptracer.recorder.TraceStatistics;
import java.util.function.Consumer;

/**
 * Commits each captured event to this JVM's running recordings, with the Java thread that made
 * the call, and counts what it did for the statistics event of the current period. Synchronized:
 * the poller thread and JFR's periodic thread (draining before the statistics) both feed it.
 */
final class RecordingSink implements Consumer<TcpEvent> {
	private final KernelClock clock;
	private final long pid;
	private final JavaThreads threads;
	private final LineWriter lines;
	private final TraceStatistics statistics = new TraceStatistics();
	/**
	 * The event that will report the current period: begun when the period started, since jdk.jfr
	 * takes an event's start time from begin() and cannot set it afterwards.
	 */
	private TcpTracerStatisticsEvent period = beginPeriod();

	/**
	 * @param threads null when Java threads cannot be told here
	 * @param lines   null when no lines file was asked for
	 */
	RecordingSink(KernelClock clock, long pid, JavaThreads threads, LineWriter lines) {
		this.clock = clock;
		this.pid = pid;
		this.threads = threads;
		this.lines = lines;
	}

	@Override
	public synchronized void accept(TcpEvent event) {
		TcpConnectionEvent jfr = JfrEvents.from(event, clock);
		if (jfr == null) {
			statistics.dropped(); // a type the schema lacks: the recordings miss it
		} else if (jfr.shouldCommit()) { // false when the recordings disabled this type
			if (threads != null && event.pid() == pid) {
				jfr.javaThread = threads.of(event.tid(), event.timestampNanos());
			}
			jfr.commit();
			statistics.recorded(event.type());
		}
		if (lines != null) {
			lines.offer(event); // a line left out is no event dropped: the recordings have it
		}
	}

	/**
	 * Commits the statistics of the period that ends now and begins the next one.
	 *
	 * @param kernelLostTotal the kernel's count of lost events since the trace started
	 */
	synchronized void commitStatistics(long kernelLostTotal) {
		statistics.kernelLostTotal(kernelLostTotal);
		statistics.takeInto(period);
		period.commit();
		period = beginPeriod();
	}

	private static TcpTracerStatisticsEvent beginPeriod() {
		TcpTracerStatisticsEvent event = new TcpTracerStatisticsEvent();
		event.begin();
		return event;
	}
}
