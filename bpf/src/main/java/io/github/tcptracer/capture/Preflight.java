package io.github.tcptracer.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Checks made before loading BPF, so the user gets the reason rather than an errno. */
final class Preflight {
	static final Path VMLINUX_BTF = Path.of("/sys/kernel/btf/vmlinux");
	/** Where libbpf 1.x looks for tracefs: the old debugfs place first, when it can see it. */
	private static final List<Path> TRACEFS_PLACES = List.of(Path.of("/sys/kernel/debug/tracing"),
			Path.of("/sys/kernel/tracing"));
	private static final int CAP_SYS_ADMIN = 21;
	private static final int CAP_PERFMON = 38;
	private static final int CAP_BPF = 39;

	private Preflight() {
	}

	static void requireBtf() throws CaptureException {
		if (!Files.isReadable(VMLINUX_BTF)) {
			throw new CaptureException("kernel without BTF: " + VMLINUX_BTF
					+ " is missing (tcptracer needs a kernel >= 5.12 built with CONFIG_DEBUG_INFO_BTF=y; in a"
					+ " container, the host's /sys/kernel/btf too)");
		}
	}

	/** Fails when this process can neither use BPF as root nor holds CAP_BPF and CAP_PERFMON. */
	static void requirePrivileges() throws CaptureException {
		long effective = effectiveCapabilities();
		if (has(effective, CAP_SYS_ADMIN) || (has(effective, CAP_BPF) && has(effective, CAP_PERFMON))) {
			return;
		}
		List<String> missing = new ArrayList<>();
		if (!has(effective, CAP_BPF)) {
			missing.add("CAP_BPF");
		}
		if (!has(effective, CAP_PERFMON)) {
			missing.add("CAP_PERFMON");
		}
		throw new CaptureException(notPermitted("this process lacks " + String.join(" and ", missing)));
	}

	static String notPermitted(String why) {
		return "BPF not permitted: run as root, or with CAP_BPF and CAP_PERFMON (" + why + ")";
	}

	private static boolean has(long capabilities, int capability) {
		return (capabilities & (1L << capability)) != 0;
	}

	/** CapEff from /proc/self/status; all bits set when it cannot be read (let the kernel decide). */
	static long effectiveCapabilities() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("CapEff:")) {
					return Long.parseUnsignedLong(line.substring(7).trim(), 16);
				}
			}
		} catch (IOException | NumberFormatException e) {
			// fall through
		}
		return -1L;
	}

	/**
	 * libbpf resolves classic tracepoints through tracefs, which this kernel does not mount by
	 * default. Mount it where libbpf looks when neither place has it. Mounted but unreadable is
	 * the other common failure: tracefs is root's alone (mode 0700), which CAP_BPF and
	 * CAP_PERFMON do not get past.
	 */
	static void ensureTracefs() throws CaptureException {
		for (Path place : TRACEFS_PLACES) {
			if (Files.isDirectory(place.resolve("events"))) {
				return;
			}
		}
		Path mounted = mountedTracefs();
		if (mounted != null) {
			throw new CaptureException("cannot read tracefs at " + mounted + ", where libbpf finds the accept"
					+ " tracepoints: run as root, or with CAP_DAC_READ_SEARCH besides CAP_BPF and CAP_PERFMON");
		}
		if (Natives.libc().mount("nodev", "/sys/kernel/tracing", "tracefs", 0, null) != 0) {
			int errno = com.sun.jna.Native.getLastError();
			throw new CaptureException("tracefs is not mounted and mounting it failed ("
					+ Natives.strerror(errno) + "): mount -t tracefs nodev /sys/kernel/tracing");
		}
	}

	/** Where a tracefs is mounted of the places libbpf looks, from this process's mount table; or null. */
	static Path mountedTracefs() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
				Path mountPoint = tracefsMountPoint(line);
				if (mountPoint != null && TRACEFS_PLACES.contains(mountPoint)) {
					return mountPoint;
				}
			}
		} catch (IOException e) {
			// cannot tell: mounting says what is wrong
		}
		return null;
	}

	/**
	 * The mount point of a mountinfo line whose file system is tracefs, else null. Fields: ID
	 * PARENT MAJ:MIN ROOT MOUNT-POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER-OPTIONS.
	 */
	static Path tracefsMountPoint(String line) {
		String[] fields = line.split(" ");
		int separator = Arrays.asList(fields).indexOf("-");
		if (fields.length < 5 || separator < 0 || separator + 1 >= fields.length
				|| !fields[separator + 1].equals("tracefs")) {
			return null;
		}
		return Path.of(fields[4]);
	}
}
