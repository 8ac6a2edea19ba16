package io.github.tcptracer.capture;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import java.util.List;

/** Counters the kernel keeps per BPF program ({@code struct bpf_prog_info}). */
final class ProgramStatistics {
	/** sizeof(struct bpf_prog_info) in 6.x is 232; a larger zeroed buffer is accepted. */
	private static final int INFO_SIZE = 256;
	/** offsetof(struct bpf_prog_info, recursion_misses), stable uapi since 5.12. */
	private static final int RECURSION_MISSES = 208;

	private ProgramStatistics() {
	}

	/** Sum of recursion_misses: runs skipped because the program was already active on that CPU. */
	static long recursionMisses(Libbpf bpf, List<Integer> programFds) {
		long total = 0;
		Memory info = new Memory(INFO_SIZE);
		IntByReference length = new IntByReference();
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
