package io.github.tcptracer.capture;

import com.sun.jna.Memory;

/**
 * Holds back the calling thread's asynchronous signals until closed, so that the kernel's BPF
 * verifier can finish.
 *
 * <p>The verifier gives up with EAGAIN whenever a signal is pending for the loading thread, and
 * libbpf tries only five times. A sampling profiler in the same JVM (async-profiler's cpu mode, by
 * default every 10 ms of a thread's CPU time) signals the loading thread sooner than the verifier
 * is done, so every try failed. Held signals arrive when this closes.
 *
 * <p>Fault signals are never held: the JVM takes SIGSEGV and its kin in its own code (safepoint
 * polls, null checks), and the kernel kills a process whose fault signal is blocked.
 */
final class HeldSignals implements AutoCloseable {
	/** SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV, SIGSYS (the same numbers on x86-64 and arm64). */
	private static final int[] FAULTS = { 4, 5, 7, 8, 11, 31 };

	private final Memory previous;

	private HeldSignals(Memory previous) {
		this.previous = previous;
	}

	/** Holds what can be held; if the mask cannot be set, holds nothing (the load may still succeed). */
	static HeldSignals hold() {
		LibC libc = Natives.libc();
		Memory held = new Memory(LibC.SIGSET_BYTES);
		Memory previous = new Memory(LibC.SIGSET_BYTES);
		libc.sigfillset(held);
		for (int fault : FAULTS) {
			libc.sigdelset(held, fault);
		}
		return new HeldSignals(libc.pthread_sigmask(LibC.SIG_BLOCK, held, previous) == 0 ? previous : null);
	}

	/** Restores the thread's mask: the signals held meanwhile are delivered now. */
	@Override
	public void close() {
		if (previous != null) {
			Natives.libc().pthread_sigmask(LibC.SIG_SETMASK, previous, null);
		}
	}
}
