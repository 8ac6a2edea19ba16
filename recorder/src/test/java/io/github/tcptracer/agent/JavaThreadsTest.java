package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cost of naming threads stays bounded where an application starts a thread per connection
 * beside many idle ones: each thread's tid is read once, and events older than the last look at
 * the threads do not make another. Fake tids over real (parked) threads, with every read and
 * every enumeration counted.
 */
class JavaThreadsTest {
	private static final int IDLE_THREADS = 200;
	private static final int FIRST_TID = 10_000;

	private final CountDownLatch end = new CountDownLatch(1);
	private final List<Thread> live = new ArrayList<>();
	private final Map<Thread, Integer> fakeTids = new IdentityHashMap<>();
	private int tidReads;
	private int enumerations;
	private final JavaThreads threads = new JavaThreads(thread -> {
		tidReads++;
		return fakeTids.getOrDefault(thread, -1);
	}, () -> {
		enumerations++;
		return live.toArray(Thread[]::new);
	});

	@AfterEach
	void endThreads() throws InterruptedException {
		end.countDown();
		for (Thread thread : live) {
			thread.join();
		}
	}

	@Test
	void eachNewThreadIsReadOnceNotEveryThreadPerNewTid() {
		for (int i = 0; i < IDLE_THREADS; i++) {
			start();
		}
		int connections = 100;
		for (int i = 0; i < connections; i++) {
			Thread perConnection = start(); // a new thread makes one connection
			assertSame(perConnection, threads.of(fakeTids.get(perConnection), System.nanoTime()));
		}
		// The old rebuild read all of them for every new tid: 100 * 250 reads.
		assertEquals(IDLE_THREADS + connections, tidReads);
	}

	@Test
	void aTidSeenBeforeTheLastLookIsNotLookedForAgain() {
		for (int i = 0; i < IDLE_THREADS; i++) {
			start();
		}
		long seen = System.nanoTime();
		assertNull(threads.of(1, seen)); // a VM-internal task: no Java thread has tid 1
		for (int tid = 2; tid < 1000; tid++) {
			assertNull(threads.of(tid, seen)); // say, threads that ended before the poll
		}
		assertEquals(1, enumerations);
		assertEquals(IDLE_THREADS, tidReads);
		Thread newer = start();
		assertSame(newer, threads.of(fakeTids.get(newer), System.nanoTime()), "made after the look: looked for");
		assertEquals(2, enumerations);
		assertEquals(IDLE_THREADS + 1, tidReads);
	}

	@Test
	void aThreadThatEndedIsNone() throws InterruptedException {
		Thread thread = start();
		int tid = fakeTids.get(thread);
		assertSame(thread, threads.of(tid, System.nanoTime()));
		live.remove(thread);
		thread.interrupt();
		thread.join();
		assertNull(threads.of(tid, System.nanoTime()));
	}

	private Thread start() {
		Thread thread = new Thread(() -> {
			try {
				end.await();
			} catch (InterruptedException ended) {
				// this thread's end
			}
		});
		thread.setDaemon(true);
		thread.start();
		fakeTids.put(thread, FIRST_TID + fakeTids.size());
		live.add(thread);
		return thread;
	}
}
