package io.github.tcptracer.capture;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import java.util.List;

/** Counters the kernel keeps per BPF program ({@code struct bpf_prog_info}), read for a set of programs. */
final class ProgramStatistics {
	/** sizeof(struct bpf_prog_info) in 6.x is 232; a larger zeroed buffer is accepted. */
	private static final int INFO_SIZE = 256;
	/** offsetof(struct bpf_prog_info, recursion_misses), stable uapi since 5.12. */
	private static final int RECURSION_MISSES = 208;

	private final Libbpf bpf;
	private final List<Integer> programFds;
	// Read every poll: allocated once.
	private final Memory info = new Memory(INFO_SIZE);
	private final IntByReference length = new IntByReference();

	ProgramStatistics(Libbpf bpf, List<Integer> programFds) {
		this.bpf = bpf;
		this.programFds = programFds;
	}

	/** Sum of recursion_misses: runs skipped because the program was already active on that CPU. */
	long recursionMisses() {
		long total = 0;
		for (int fd : programFds) {
			info.clear();
			length.setValue(INFO_SIZE);
			if (bpf.bpf_obj_get_info_by_fd(fd, info, length) == 0 && length.getValue() > RECURSION_MISSES) {
				total += info.getLong(RECURSION_MISSES);
			}
		}
		return total;
	}
}
