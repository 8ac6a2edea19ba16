package io.github.tcptracer.capture;

import java.nio.file.Path;

/**
 * What to trace. Every filter runs in the kernel.
 *
 * @param pid               keep this process (tgid) only; 0 keeps all
 * @param networkNamespace  keep sockets of this network namespace inode only; 0 keeps all
 * @param ipVersion         4 or 6 keeps that socket family only (dual-stack sockets are 6); 0 both
 * @param cgroupMap         pinned hash map (u64 cgroup id to u64), as bcc's --cgroupmap; or null
 * @param mountNamespaceMap pinned hash map (u64 mount ns inode to u32), as bcc's --mntnsmap; or null
 * @param ringBufferBytes   size of each CPU's kernel-to-user ring buffer, a power of two of at least one page
 * @param maxConnections    bound of the connect handoffs the kernel holds, and of the open connections
 *                          user space remembers for pairing closes
 * @param skipRecovery      make up for the state changes the kernel skipped the state-change program for
 *                          (a softirq's, nested in its run on a CPU); off only to measure what that costs
 *                          ({@code tcptracer bench --without-skip-recovery}) and in tests: then each
 *                          skipped change counts as a possibly lost event
 * @param pidNamespace      the PID namespace that numbers {@code pid} and the events' pid and tid, and whose
 *                          tasks alone {@code pid} keeps; null: the initial namespace (bcc's numbers)
 */
public record TraceOptions(
		int pid,
		long networkNamespace,
		int ipVersion,
		Path cgroupMap,
		Path mountNamespaceMap,
		int ringBufferBytes,
		int maxConnections,
		boolean skipRecovery,
		PidNamespace pidNamespace) {

	public static final int DEFAULT_RING_BUFFER_BYTES = 4 << 20;
	public static final int DEFAULT_MAX_CONNECTIONS = 65536;
	/** The kernel's handoff table takes 64 bytes a slot: at most 64 MiB. */
	public static final int MAX_CONNECTIONS_LIMIT = 1 << 20;

	public TraceOptions {
		if (ipVersion != 0 && ipVersion != 4 && ipVersion != 6) {
			throw new IllegalArgumentException("ipVersion must be 0, 4 or 6: " + ipVersion);
		}
		if (ringBufferBytes < 4096 || Integer.bitCount(ringBufferBytes) != 1 || ringBufferBytes > (256 << 20)) {
			throw new IllegalArgumentException(
					"ring buffer size must be a power of two from 4096 to 268435456 bytes: " + ringBufferBytes);
		}
		if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS_LIMIT) {
			throw new IllegalArgumentException(
					"maxConnections must be from 1 to " + MAX_CONNECTIONS_LIMIT + ": " + maxConnections);
		}
	}

	/** Everything, with default sizes. */
	public static TraceOptions all() {
		return new TraceOptions(0, 0, 0, null, null, DEFAULT_RING_BUFFER_BYTES, DEFAULT_MAX_CONNECTIONS, true, null);
	}

	public TraceOptions withPid(int newPid) {
		return new TraceOptions(newPid, networkNamespace, ipVersion, cgroupMap, mountNamespaceMap,
				ringBufferBytes, maxConnections, skipRecovery, pidNamespace);
	}

	public TraceOptions withNetworkNamespace(long inode) {
		return new TraceOptions(pid, inode, ipVersion, cgroupMap, mountNamespaceMap, ringBufferBytes,
				maxConnections, skipRecovery, pidNamespace);
	}

	public TraceOptions withIpVersion(int version) {
		return new TraceOptions(pid, networkNamespace, version, cgroupMap, mountNamespaceMap, ringBufferBytes,
				maxConnections, skipRecovery, pidNamespace);
	}

	public TraceOptions withCgroupMap(Path path) {
		return new TraceOptions(pid, networkNamespace, ipVersion, path, mountNamespaceMap, ringBufferBytes,
				maxConnections, skipRecovery, pidNamespace);
	}

	public TraceOptions withMountNamespaceMap(Path path) {
		return new TraceOptions(pid, networkNamespace, ipVersion, cgroupMap, path, ringBufferBytes,
				maxConnections, skipRecovery, pidNamespace);
	}

	public TraceOptions withRingBufferBytes(int bytes) {
		return new TraceOptions(pid, networkNamespace, ipVersion, cgroupMap, mountNamespaceMap, bytes,
				maxConnections, skipRecovery, pidNamespace);
	}

	public TraceOptions withMaxConnections(int connections) {
		return new TraceOptions(pid, networkNamespace, ipVersion, cgroupMap, mountNamespaceMap, ringBufferBytes,
				connections, skipRecovery, pidNamespace);
	}

	/** {@code pid} as {@code namespace} numbers it, and the events' ids too (the agent's own, in a container). */
	public TraceOptions withPidNamespace(PidNamespace namespace) {
		return new TraceOptions(pid, networkNamespace, ipVersion, cgroupMap, mountNamespaceMap, ringBufferBytes,
				maxConnections, skipRecovery, namespace);
	}

	public TraceOptions withSkipRecovery(boolean recovered) {
		return new TraceOptions(pid, networkNamespace, ipVersion, cgroupMap, mountNamespaceMap, ringBufferBytes,
				maxConnections, recovered, pidNamespace);
	}
}
