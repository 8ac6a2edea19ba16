package io.github.tcptracer.capture;

/**
 * The connections seen open (connect or accept), by their struct sock address, until their close:
 * who opened them, when, and whether actively. A close that no process made arrives without a
 * task, and its lifetime needs the open's time: both come from here, so the kernel keeps no state
 * for an established connection.
 *
 * <p>Open addressing over primitive arrays: this runs for every event at hundreds of thousands a
 * second, where boxed keys and entry objects would be most of the consumer's work. It grows with
 * the connections open at once (a table sized for the bound would spread a few connections over
 * megabytes, a cache miss per look-up). Bounded: when full, an entry is dropped (a clock hand
 * picks it), so a close whose open was lost never leaves state behind forever; the close of a
 * dropped connection then shows no task.
 */
final class ConnectionTable {
	private static final int INITIAL_SLOTS = 64;
	private final int capacity;
	private final int maxSlots;
	private int mask;
	private int shift; // 64 - log2(slots)
	private long[] socks; // 0: free
	private int[] pids;
	private int[] tids;
	private int[] uids;
	private String[] commands;
	private long[] opened;
	private boolean[] active;
	private int size;
	private int hand;

	/** Holds up to {@code capacity} open connections. */
	ConnectionTable(int capacity) {
		this.capacity = capacity;
		// At most half full: the smallest power of two of at least twice the capacity.
		this.maxSlots = Integer.highestOneBit(Math.max(capacity, 8) * 2 - 1) * 2;
		allocate(Math.min(INITIAL_SLOTS, maxSlots));
	}

	private void allocate(int slots) {
		mask = slots - 1;
		shift = 64 - Integer.numberOfTrailingZeros(slots);
		socks = new long[slots];
		pids = new int[slots];
		tids = new int[slots];
		uids = new int[slots];
		commands = new String[slots];
		opened = new long[slots];
		active = new boolean[slots];
	}

	private void grow() {
		long[] oldSocks = socks;
		int[] oldPids = pids;
		int[] oldTids = tids;
		int[] oldUids = uids;
		String[] oldCommands = commands;
		long[] oldOpened = opened;
		boolean[] oldActive = active;
		allocate(oldSocks.length * 2);
		hand = 0;
		for (int from = 0; from < oldSocks.length; from++) {
			if (oldSocks[from] != 0) {
				int to = ~find(oldSocks[from]);
				socks[to] = oldSocks[from];
				pids[to] = oldPids[from];
				tids[to] = oldTids[from];
				uids[to] = oldUids[from];
				commands[to] = oldCommands[from];
				opened[to] = oldOpened[from];
				active[to] = oldActive[from];
			}
		}
	}

	int size() {
		return size;
	}

	/** Records an opened connection (replacing a previous one at the same address). */
	void open(long sock, int pid, int tid, int uid, String command, long openedNanos, boolean activeOpen) {
		int slot = find(sock);
		if (slot < 0) {
			if (size == capacity) {
				evictOne();
			} else if (2 * (size + 1) > socks.length && socks.length < maxSlots) {
				grow();
			}
			slot = ~find(sock);
			socks[slot] = sock;
			size++;
		}
		pids[slot] = pid;
		tids[slot] = tid;
		uids[slot] = uid;
		commands[slot] = command;
		opened[slot] = openedNanos;
		active[slot] = activeOpen;
	}

	/** The slot of {@code sock}'s connection, or -1; valid until the next change. */
	int slotOf(long sock) {
		int slot = find(sock);
		return slot >= 0 ? slot : -1;
	}

	int pid(int slot) {
		return pids[slot];
	}

	int tid(int slot) {
		return tids[slot];
	}

	int uid(int slot) {
		return uids[slot];
	}

	String command(int slot) {
		return commands[slot];
	}

	long openedNanos(int slot) {
		return opened[slot];
	}

	boolean activeOpen(int slot) {
		return active[slot];
	}

	/** Forgets the connection in {@code slot} (from {@link #slotOf}). */
	void close(int slot) {
		commands[slot] = null;
		size--;
		// Backward-shift deletion: later entries of the same probe run move up, so no tombstones.
		int hole = slot;
		int next = (hole + 1) & mask;
		while (socks[next] != 0) {
			int home = home(socks[next]);
			boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
			if (movable) {
				move(next, hole);
				hole = next;
			}
			next = (next + 1) & mask;
		}
		socks[hole] = 0;
		commands[hole] = null;
	}

	private void move(int from, int to) {
		socks[to] = socks[from];
		pids[to] = pids[from];
		tids[to] = tids[from];
		uids[to] = uids[from];
		commands[to] = commands[from];
		opened[to] = opened[from];
		active[to] = active[from];
	}

	private void evictOne() {
		while (socks[hand] == 0) {
			hand = (hand + 1) & mask;
		}
		close(hand);
	}

	/** The slot holding {@code sock}, or {@code ~slot} of the free slot where it would go. */
	private int find(long sock) {
		int slot = home(sock);
		while (socks[slot] != 0) {
			if (socks[slot] == sock) {
				return slot;
			}
			slot = (slot + 1) & mask;
		}
		return ~slot;
	}

	/** Top bits of a product: socks share their low bits (slab alignment), the top bits mix them all. */
	private int home(long sock) {
		return (int) ((sock * 0x9E3779B97F4A7C15L) >>> shift);
	}
}
