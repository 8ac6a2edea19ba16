package io.github.tcptracer.agent;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds the live {@link Thread} of this JVM that a kernel task id belongs to. Keeps a tid map of
 * the live platform threads and rebuilds it when a tid is new to it. A thread that ended before
 * its event was read, or a VM-internal task (GC, compiler), has none. A virtual thread runs on
 * a carrier thread: the carrier is what the kernel sees and what is found. Used by one thread
 * at a time.
 */
final class JavaThreads {
	/** How long a tid that matched no thread is not looked for again (the kernel rarely reuses one). */
	private static final long MISS_MEMORY_NANOS = 1_000_000_000L;
	private static final int MAX_MISSES_KEPT = 4096;

	private final HotSpotThreadIds ids;
	private final Map<Integer, Thread> byTid = new HashMap<>();
	private final Map<Integer, Long> missedAt = new HashMap<>();

	JavaThreads(HotSpotThreadIds ids) {
		this.ids = ids;
	}

	/** The live Java thread with this tid, or null. */
	Thread of(int tid) {
		Thread known = byTid.get(tid);
		// A thread keeps its tid for life, and the kernel gives it to another only after it ended.
		if (known != null && known.isAlive()) {
			return known;
		}
		Long missed = missedAt.get(tid);
		long now = System.nanoTime();
		if (missed != null && now - missed < MISS_MEMORY_NANOS) {
			return null;
		}
		rebuild();
		Thread found = byTid.get(tid);
		if (found == null) {
			if (missedAt.size() >= MAX_MISSES_KEPT) {
				missedAt.clear();
			}
			missedAt.put(tid, now);
		}
		return found;
	}

	private void rebuild() {
		byTid.clear();
		for (Thread thread : liveThreads()) {
			int tid = ids.tidOf(thread);
			if (tid > 0) {
				byTid.put(tid, thread);
			}
		}
	}

	/** Platform threads, without the stack-walking safepoint of Thread.getAllStackTraces. */
	private static Thread[] liveThreads() {
		ThreadGroup root = Thread.currentThread().getThreadGroup();
		while (root.getParent() != null) {
			root = root.getParent();
		}
		Thread[] threads;
		int count;
		do {
			threads = new Thread[root.activeCount() * 2 + 16];
			count = root.enumerate(threads, true);
		} while (count == threads.length);
		return java.util.Arrays.copyOf(threads, count);
	}
}
