package io.github.tcptracer.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The CPUs that are online, from the kernel's CPU list. Rings are made for these only: machines
 * (VMs especially) often declare many more possible CPUs than they have, and a ring of megabytes
 * for each would be kernel memory spent on nothing.
 */
final class OnlineCpus {
	private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

	private OnlineCpus() {
	}

	/** The online CPUs below {@code possible}; all of them when the list cannot be read. */
	static BitSet read(int possible) {
		try {
			BitSet online = parse(Files.readString(ONLINE).trim(), possible);
			if (!online.isEmpty()) {
				return online;
			}
		} catch (IOException | IllegalArgumentException e) {
			// fall through: every possible CPU
		}
		BitSet all = new BitSet(possible);
		all.set(0, possible);
		return all;
	}

	/** The kernel's CPU list format: {@code 0-3,8,10-11}; CPUs at or above {@code possible} are left out. */
	static BitSet parse(String list, int possible) {
		BitSet cpus = new BitSet(possible);
		for (String range : list.split(",")) {
			if (range.isEmpty()) {
				continue;
			}
			int dash = range.indexOf('-');
			int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
			int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
			if (first < 0 || last < first) {
				throw new IllegalArgumentException("not a CPU range: " + range);
			}
			cpus.set(Math.min(first, possible), Math.min(last + 1, possible));
		}
		return cpus;
	}
}
