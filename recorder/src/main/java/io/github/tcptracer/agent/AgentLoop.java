package io.github.tcptracer.agent;

import io.github.tcptracer.capture.CaptureException;
import io.github.tcptracer.capture.TraceLoop;
import io.github.tcptracer.jfr.TcpEventTypes;
import io.github.tcptracer.jfr.TcpTracerStatisticsEvent;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;

/**
 * The agent thread's loop. It attaches the BPF programs when a running recording enables a TCP
 * event and detaches them when none does; in between it polls the ring buffer. Recording changes
 * reach it through {@link FlightRecorderListener}, whose callbacks (on JFR's or the
 * application's threads) only wake it. Until someone else initializes JFR it touches nothing of
 * JFR but the listener: registering events would start JFR's machinery in a JVM that never
 * records.
 */
final class AgentLoop implements FlightRecorderListener {
	private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(TraceLoop.POLL_INTERVAL_MILLIS);

	private final AgentOptions options;
	/** One for the agent, not one per session: its warnings are said once. Null without lines=. */
	private final LinesFile linesFile;
	private final Instrumentation instrumentation;
	private final Thread thread = Thread.currentThread();
	private final Runnable statisticsHook = this::commitStatistics;
	private volatile boolean recorderInitialized;
	private List<EventType> tcpEventTypes;
	private volatile TracingSession session;
	private JavaThreads threads;
	private boolean threadsLookedFor;

	AgentLoop(AgentOptions options, Instrumentation instrumentation) {
		this.options = options;
		this.linesFile = LinesFile.of(options);
		this.instrumentation = instrumentation;
	}

	/** Runs until the capture fails; the caller's thread is the agent thread. */
	void run() throws InterruptedException {
		FlightRecorder.addListener(this); // calls recorderInitialized at once if JFR runs
		try {
			boolean first = true;
			while (step()) {
				// Only now: attached to a JVM that records already, the first step starts tracing,
				// and "waiting" before it would be what tcptracer attach reports.
				if (first && session == null) {
					AgentStatus.set(AgentStatus.WAITING, "no recording");
				}
				first = false;
				if (session != null) {
					LockSupport.parkNanos(this, POLL_INTERVAL_NANOS);
				} else {
					LockSupport.park(this);
				}
				if (Thread.interrupted()) {
					throw new InterruptedException();
				}
			}
		} finally {
			stopSession();
			FlightRecorder.removeListener(this);
			if (tcpEventTypes != null) {
				FlightRecorder.removePeriodicEvent(statisticsHook);
			}
		}
	}

	/** One turn: follow the recordings, then poll; false when the agent must give up. */
	private boolean step() {
		if (recorderInitialized && tcpEventTypes == null) {
			registerEvents();
		}
		boolean wanted = tcpEventTypes != null && tcpEventTypes.stream().anyMatch(EventType::isEnabled);
		if (wanted && session == null) {
			return startSession();
		}
		if (!wanted && session != null) {
			stopSession();
			AgentStatus.set(AgentStatus.WAITING, "no recording enables the TCP events");
		}
		TracingSession current = session;
		if (current != null) {
			current.poll();
		}
		return true;
	}

	/** Registers the schema, so recordings list its types even before an event occurs. */
	private void registerEvents() {
		List<EventType> connectionEvents = new ArrayList<>();
		for (Class<? extends Event> type : TcpEventTypes.ALL) {
			if (type == TcpTracerStatisticsEvent.class) {
				FlightRecorder.addPeriodicEvent(type, statisticsHook);
			} else {
				FlightRecorder.register(type);
				connectionEvents.add(EventType.getEventType(type));
			}
		}
		tcpEventTypes = connectionEvents;
	}

	private boolean startSession() {
		try {
			session = TracingSession.start(options, this::javaThreads, linesFile);
			AgentStatus.set(AgentStatus.TRACING, "pid " + ProcessHandle.current().pid());
			return true;
		} catch (CaptureException e) {
			Agent.fail(e.getMessage());
		} catch (Throwable t) { // a JNA or libbpf surprise: UnsatisfiedLinkError, say
			Agent.fail("cannot start tracing: " + t);
		}
		return false;
	}

	private void stopSession() {
		TracingSession stopping = session;
		session = null;
		if (stopping != null) {
			stopping.close();
		}
	}

	/** Java threads by tid, looked for once; null where HotSpot's data cannot be read. */
	private JavaThreads javaThreads() {
		if (!threadsLookedFor) {
			threadsLookedFor = true;
			try {
				threads = new JavaThreads(HotSpotThreadIds.find(instrumentation));
			} catch (Throwable t) {
				// events keep their tid and command; only the Java thread field stays empty
				threads = null;
			}
		}
		return threads;
	}

	/**
	 * JFR's periodic hook for the statistics event, at the end of every chunk. It runs on the
	 * thread that stops or rotates the recording, which may be an application thread.
	 */
	private void commitStatistics() {
		try {
			TracingSession current = session;
			if (current != null) {
				current.commitStatistics();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt(); // the application's interrupt, not ours to swallow
		} catch (Throwable ignored) {
			// JFR's thread must go on; the next chunk tries again
		}
	}

	@Override
	public void recorderInitialized(FlightRecorder recorder) {
		recorderInitialized = true;
		LockSupport.unpark(thread);
	}

	@Override
	public void recordingStateChanged(Recording recording) {
		LockSupport.unpark(thread);
	}
}
