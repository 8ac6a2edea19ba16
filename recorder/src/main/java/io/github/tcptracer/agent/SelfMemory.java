package io.github.tcptracer.agent;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Reads this process's own native memory without risking the host JVM: through
 * {@code process_vm_readv(2)}, which fails with {@code EFAULT} where a plain load of memory that
 * was freed and unmapped meanwhile would raise {@code SIGSEGV} and kill the JVM. A syscall per
 * read, so only for the rare reads whose target may go away under them (another thread's
 * {@code JavaThread}). Not thread-safe: one reader at a time.
 */
final class SelfMemory {
	/** Returned by the reads when the memory cannot be read. */
	static final long UNREADABLE = Long.MIN_VALUE;

	private interface Calls extends Library {
		long process_vm_readv(int pid, Pointer localIov, long localCount, Pointer remoteIov, long remoteCount,
				long flags);
	}

	private static final int IOVEC_BYTES = 16; // struct iovec { void *iov_base; size_t iov_len; }

	private final Calls libc = Native.load("c", Calls.class);
	private final int pid = (int) ProcessHandle.current().pid();
	private final Memory buffer = new Memory(8);
	private final Memory localIov = new Memory(IOVEC_BYTES);
	private final Memory remoteIov = new Memory(IOVEC_BYTES);

	private SelfMemory() {
		localIov.setPointer(0, buffer);
	}

	/**
	 * A reader, once this process may read itself this way.
	 *
	 * @throws IllegalStateException when it may not (a seccomp profile refusing the call)
	 */
	static SelfMemory open() {
		SelfMemory memory = new SelfMemory();
		try (Memory probe = new Memory(8)) {
			probe.setLong(0, 0x5e1f_5e1fL);
			if (memory.readLong(Pointer.nativeValue(probe)) != 0x5e1f_5e1fL) {
				throw new IllegalStateException("process_vm_readv on this process failed: errno "
						+ Native.getLastError());
			}
		}
		return memory;
	}

	/** The 8 bytes at {@code address}, or {@link #UNREADABLE}. */
	long readLong(long address) {
		return read(address, 8) ? buffer.getLong(0) : UNREADABLE;
	}

	/** The 4 bytes at {@code address}, or {@link #UNREADABLE}. */
	long readInt(long address) {
		return read(address, 4) ? buffer.getInt(0) : UNREADABLE;
	}

	private boolean read(long address, int length) {
		if (address == 0) {
			return false;
		}
		localIov.setLong(8, length);
		remoteIov.setLong(0, address);
		remoteIov.setLong(8, length);
		return libc.process_vm_readv(pid, localIov, 1, remoteIov, 1, 0) == length;
	}
}
