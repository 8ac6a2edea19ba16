package io.github.tcptracer.capture;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs code on a thread of a given name: its comm (the name's first 15 bytes) tells which thread an event names. */
final class NamedThreads {
	private NamedThreads() {
	}

	/** Runs {@code body} on a new thread named {@code name}, waits for it and returns its result. */
	static <T> T onThread(String name, Callable<T> body) throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
		try {
			return executor.submit(body).get();
		} finally {
			executor.shutdown();
		}
	}
}
