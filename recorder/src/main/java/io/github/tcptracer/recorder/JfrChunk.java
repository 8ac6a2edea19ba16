package io.github.tcptracer.recorder;

import io.github.tcptracer.jfr.TcpConnectionEvent;
import io.github.tcptracer.jfr.TcpEventTypes;
import io.github.tcptracer.jfr.TcpTracerStatisticsEvent;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.Event;
import org.openjdk.jmc.flightrecorder.writer.api.Recording;
import org.openjdk.jmc.flightrecorder.writer.api.Recordings;
import org.openjdk.jmc.flightrecorder.writer.api.Type;
import org.openjdk.jmc.flightrecorder.writer.api.TypedValue;
import org.openjdk.jmc.flightrecorder.writer.api.Types;

/**
 * One self-contained JFR chunk: a JMC writer recording with every schema type declared. The
 * writer keeps the chunk in memory and encodes it whole on {@link #finish}.
 *
 * <p>Time: the writer's header says 1 tick = 1 ns, and the chunk starts at a CLOCK_MONOTONIC
 * reading (the clock of {@code System.nanoTime()} and of {@code bpf_ktime_get_ns()}) paired with
 * its wall-clock time, so a kernel timestamp is written as the start time unchanged.
 */
final class JfrChunk {
	private final ChunkBytes bytes;
	private final Recording recording;
	private final KernelClock clock;
	/** A schema class's writer type and field accessors: one look-up per event. */
	private record Declared(Type type, SchemaType schema) {
	}

	private final Map<Class<? extends Event>, Declared> declared = new HashMap<>();
	private final TaskThreads threads;
	private final TypedValue noThread;
	private final TypedValue noStackTrace;
	private int events;

	private JfrChunk(long startNanos, KernelClock clock) {
		this.bytes = new ChunkBytes();
		this.clock = clock;
		this.recording = Recordings.newRecording(bytes, settings -> settings
				.withJdkTypeInitialization()
				.withStartTicks(startNanos)
				.withTimestamp(clock.toEpochNanos(startNanos)));
		EventTypeIds.moveUp(recording);
		for (Class<? extends Event> type : TcpEventTypes.ALL) {
			SchemaType schema = SchemaType.of(type);
			declared.put(type, new Declared(WriterTypes.declare(recording, schema.eventType()), schema));
		}
		Type thread = recording.getType(Types.JDK.THREAD);
		this.threads = new TaskThreads(thread);
		this.noThread = thread.nullValue();
		this.noStackTrace = recording.getType(Types.JDK.STACK_TRACE).nullValue();
	}

	/** A chunk beginning at {@code startNanos} (CLOCK_MONOTONIC). */
	static JfrChunk open(long startNanos, KernelClock clock) {
		return new JfrChunk(startNanos, clock);
	}

	/** A TCP event, at its kernel time, on its task's thread. */
	void write(TcpConnectionEvent event) {
		write(event, event.kernelNanos, 0, threads.of(event.tid, event.command));
		events++;
	}

	/** TCP events written so far. */
	int events() {
		return events;
	}

	/** A statistics event spanning the period it counts; the recorder is no traced task. */
	void write(TcpTracerStatisticsEvent event, long periodStartNanos, long periodEndNanos) {
		write(event, periodStartNanos, periodEndNanos - periodStartNanos, noThread);
	}

	private void write(Event event, long startNanos, long durationNanos, TypedValue thread) {
		Declared kind = declared.get(event.getClass());
		if (kind == null) {
			throw new IllegalArgumentException(event.getClass() + " is not in TcpEventTypes.ALL");
		}
		recording.writeEvent(kind.type().asValue(
				value -> kind.schema().putAll(value, event, startNanos, durationNanos, thread, noStackTrace)));
	}

	/**
	 * Encodes the chunk, followed by the {@link ChunkSeparator} every data chunk needs, which
	 * begins at {@code separatorStartNanos}. Nothing may be written after this.
	 */
	ChunkBytes finish(long separatorStartNanos) throws IOException {
		recording.close();
		ChunkSeparator.write(bytes, separatorStartNanos, clock);
		return bytes;
	}
}
