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

	/** The slots, one array per field. */
	private static final class Slots {
		final long[] socks; // 0: free
		final int[] pids;
		final int[] tids;
		final int[] uids;
		final String[] commands;
		final long[] opened;
		final boolean[] active;

		Slots(int count) {
			socks = new long[count];
			pids = new int[count];
			tids = new int[count];
			uids = new int[count];
			commands = new String[count];
			opened = new long[count];
			active = new boolean[count];
		}

		void copy(int from, Slots target, int to) {
			target.socks[to] = socks[from];
			target.pids[to] = pids[from];
			target.tids[to] = tids[from];
			target.uids[to] = uids[from];
			target.commands[to] = commands[from];
			target.opened[to] = opened[from];
			target.active[to] = active[from];
		}
	}

	private final int capacity;
	private final int maxSlots;
	private Slots slots;
	private int mask;
	private int shift; // 64 - log2(slots)
	private int size;
	private int hand;

	/** Holds up to {@code capacity} open connections. */
	ConnectionTable(int capacity) {
		this.capacity = capacity;
		// At most half full: the smallest power of two of at least twice the capacity.
		this.maxSlots = Integer.highestOneBit(Math.max(capacity, 8) * 2 - 1) * 2;
		allocate(Math.min(INITIAL_SLOTS, maxSlots));
	}

	private void allocate(int count) {
		slots = new Slots(count);
		mask = count - 1;
		shift = 64 - Integer.numberOfTrailingZeros(count);
	}

	private void grow() {
		Slots old = slots;
		allocate(old.socks.length * 2);
		hand = 0;
		for (int from = 0; from < old.socks.length; from++) {
			if (old.socks[from] != 0) {
				old.copy(from, slots, ~find(old.socks[from]));
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
			} else if (2 * (size + 1) > slots.socks.length && slots.socks.length < maxSlots) {
				grow();
			}
			slot = ~find(sock);
			slots.socks[slot] = sock;
			size++;
		}
		slots.pids[slot] = pid;
		slots.tids[slot] = tid;
		slots.uids[slot] = uid;
		slots.commands[slot] = command;
		slots.opened[slot] = openedNanos;
		slots.active[slot] = activeOpen;
	}

	/** The slot of {@code sock}'s connection, or -1; valid until the next change. */
	int slotOf(long sock) {
		int slot = find(sock);
		return slot >= 0 ? slot : -1;
	}

	int pid(int slot) {
		return slots.pids[slot];
	}

	int tid(int slot) {
		return slots.tids[slot];
	}

	int uid(int slot) {
		return slots.uids[slot];
	}

	String command(int slot) {
		return slots.commands[slot];
	}

	long openedNanos(int slot) {
		return slots.opened[slot];
	}

	boolean activeOpen(int slot) {
		return slots.active[slot];
	}

	/** Forgets the connection in {@code slot} (from {@link #slotOf}). */
	void close(int slot) {
		size--;
		// Backward-shift deletion: later entries of the same probe run move up, so no tombstones.
		long[] socks = slots.socks;
		int hole = slot;
		int next = (hole + 1) & mask;
		while (socks[next] != 0) {
			int home = home(socks[next]);
			boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
			if (movable) {
				slots.copy(next, slots, hole);
				hole = next;
			}
			next = (next + 1) & mask;
		}
		socks[hole] = 0;
		slots.commands[hole] = null;
	}

	private void evictOne() {
		while (slots.socks[hand] == 0) {
			hand = (hand + 1) & mask;
		}
		close(hand);
	}

	/** The slot holding {@code sock}, or {@code ~slot} of the free slot where it would go. */
	private int find(long sock) {
		long[] socks = slots.socks;
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
