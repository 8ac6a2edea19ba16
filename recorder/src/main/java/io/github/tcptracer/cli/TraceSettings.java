package io.github.tcptracer.cli;

import io.github.tcptracer.capture.TraceOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the trace command was asked to do.
 *
 * @param timestamp        -t: a time column
 * @param verbose          -v: type words, the NETNS column, time in ns
 * @param pid              -p: only this process; 0 for all
 * @param networkNamespace -N: only this network namespace inode; 0 for all
 * @param cgroupMap        --cgroupmap, or null
 * @param mountNamespaceMap --mntnsmap, or null
 * @param ipVersion        -4 / -6; 0 for both
 * @param output           -o: the .jfr file to record into, or null
 * @param quiet            -q: no banner, header or lines
 * @param duration         -d: when to stop by itself, or null to run until a signal
 * @param flushInterval    --flush-interval: the longest time between two chunks of the .jfr file
 */
record TraceSettings(
		boolean timestamp,
		boolean verbose,
		int pid,
		long networkNamespace,
		Path cgroupMap,
		Path mountNamespaceMap,
		int ipVersion,
		Path output,
		boolean quiet,
		Duration duration,
		Duration flushInterval) {

	TraceOptions traceOptions() {
		return TraceOptions.all()
				.withPid(pid)
				.withNetworkNamespace(networkNamespace)
				.withIpVersion(ipVersion)
				.withCgroupMap(cgroupMap)
				.withMountNamespaceMap(mountNamespaceMap);
	}

	/** bcc prints the NETNS column with -v unless -N chose one namespace. */
	boolean networkNamespaceColumn() {
		return verbose && networkNamespace == 0;
	}
}
