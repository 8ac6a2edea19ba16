package io.github.tcptracer.recorder;

import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmc.flightrecorder.writer.api.Type;
import org.openjdk.jmc.flightrecorder.writer.api.TypedValue;

/**
 * The event thread of a kernel task in one chunk: a synthetic {@code java.lang.Thread} named by
 * the task's comm, with its tid as OS thread id, so that JMC's thread views group events by
 * task. Values are cached per tid and comm (a task renames itself on exec or prctl).
 */
final class TaskThreads {
	private record Task(int tid, String command) {
	}

	private final Type threadType;
	private final Map<Task, TypedValue> values = new HashMap<>();

	TaskThreads(Type threadType) {
		this.threadType = threadType;
	}

	TypedValue of(int tid, String command) {
		return values.computeIfAbsent(new Task(tid, command), task -> threadType.asValue(thread -> thread
				.putField("osName", command)
				.putField("osThreadId", (long) tid)
				.putField("javaName", command)));
	}
}
