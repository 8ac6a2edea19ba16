package io.github.tcptracer.recorder;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmc.flightrecorder.writer.api.Recording;

/**
 * Moves the ids of the types a writer recording declares from now on (our event and annotation
 * types) to {@link #FIRST}, far above the ids a JVM gives its events.
 *
 * <p>Why: the JMC writer numbers types from 1, so our events would get ids 31 to 36, which JVM
 * recordings use for their own events. {@code jfr summary} (JDK 17 to 25) counts events by type
 * id across all chunks of a file, naming each id after the first chunk that declares it, so in
 * {@code cat app.jfr tcp.jfr} it would count our events under JVM event names and list none of
 * ours. JVM ids stay below a few thousand: fixed ones below 300, then one per loaded class.
 *
 * <p>The writer (9.1.1) offers no way to choose ids, so this sets its private type counter
 * ({@code RecordingImpl.metadata.typeCounter}). If a later writer lacks the field, ids stay as
 * they were: files remain correct, only the summary of concatenated files suffers, and
 * {@code JfrToolTest} fails to say so.
 */
final class EventTypeIds {
	/** 2^28: a four-byte id at the start of every event. */
	static final long FIRST = 1L << 28;

	private EventTypeIds() {
	}

	/** Moves the counter up; if the writer's internals differ, leaves it (JfrToolTest then fails). */
	static void moveUp(Recording recording) {
		try {
			Object metadata = field(recording.getClass(), "metadata").get(recording);
			AtomicLong counter = (AtomicLong) field(metadata.getClass(), "typeCounter").get(metadata);
			counter.set(Math.max(counter.get(), FIRST));
		} catch (ReflectiveOperationException | RuntimeException e) {
			// the ids stay in the JVM's range: counts in concatenated files mix, see above
		}
	}

	private static Field field(Class<?> type, String name) throws NoSuchFieldException {
		Field field = type.getDeclaredField(name);
		field.setAccessible(true);
		return field;
	}
}
