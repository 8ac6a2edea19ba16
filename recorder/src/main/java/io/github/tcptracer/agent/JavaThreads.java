package io.github.tcptracer.agent;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Finds the live {@link Thread} of this JVM that a kernel task id belongs to. Keeps a tid map of
 * the live platform threads and rebuilds it when a tid is new to it. A thread that ended before
 * its event was read, or a VM-internal task (GC, compiler), has none. A virtual thread runs on
 * a carrier thread: the carrier is what the kernel sees and what is found. Used by one thread
 * at a time.
 *
 * <p>Bounded cost, since an application may start a thread per connection beside thousands of
 * idle ones: a rebuild reads the tid (two system calls) only of threads it has not read before,
 * as a live thread keeps its tid; and a rebuild is needed only for an event made after the last
 * one began, since that rebuild saw every thread alive then. The poller reads events made before
 * it polls, so a poll makes at most one rebuild, however many new threads its events name.
 */
final class JavaThreads {
	private static final long NEVER = Long.MIN_VALUE;

	private final ToIntFunction<Thread> tidOf;
	private final Supplier<Thread[]> liveThreads;
	private Map<Integer, Thread> byTid = new HashMap<>();
	private Map<Thread, Integer> tidByThread = new IdentityHashMap<>();
	/** System.nanoTime() (CLOCK_MONOTONIC, the kernel's event clock) when the last rebuild began. */
	private long rebuiltAt = NEVER;

	JavaThreads(HotSpotThreadIds ids) {
		this(ids::tidOf, JavaThreads::liveThreads);
	}

	/**
	 * @param tidOf       a thread's tid, or -1 when it has not started or has ended
	 * @param liveThreads the live platform threads
	 */
	JavaThreads(ToIntFunction<Thread> tidOf, Supplier<Thread[]> liveThreads) {
		this.tidOf = tidOf;
		this.liveThreads = liveThreads;
	}

	/**
	 * The live Java thread with this tid, or null.
	 *
	 * @param seenAtNanos when the kernel saw the tid (CLOCK_MONOTONIC ns, the event's time)
	 */
	Thread of(int tid, long seenAtNanos) {
		Thread known = byTid.get(tid);
		// A thread keeps its tid for life, and the kernel gives it to another only after it ended.
		if (known != null && known.isAlive()) {
			return known;
		}
		if (rebuiltAt != NEVER && seenAtNanos - rebuiltAt < 0) {
			return null; // the last rebuild began after the event and did not find the tid's thread
		}
		rebuild();
		Thread found = byTid.get(tid);
		return found != null && found.isAlive() ? found : null;
	}

	private void rebuild() {
		rebuiltAt = System.nanoTime();
		Map<Integer, Thread> threads = new HashMap<>();
		Map<Thread, Integer> tids = new IdentityHashMap<>();
		for (Thread thread : liveThreads.get()) {
			Integer tid = tidByThread.get(thread);
			if (tid == null) {
				int read = tidOf.applyAsInt(thread);
				tid = read > 0 ? read : null; // not started yet, or just ended: read again next time
			}
			if (tid != null) {
				threads.put(tid, thread);
				tids.put(thread, tid);
			}
		}
		// Threads that ended are left out: the maps hold live threads only.
		byTid = threads;
		tidByThread = tids;
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
		return Arrays.copyOf(threads, count);
	}
}
