package io.github.tcptracer.capture;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Path;

/**
 * A filter map the user pinned for bcc ({@code --cgroupmap}, {@code --mntnsmap}): the object's
 * map of the same role is replaced by it before load, so entries added while tracing take
 * effect at once.
 */
final class PinnedFilterMap {
	private static final int BPF_MAP_TYPE_HASH = 1;
	private static final int BPF_MAP_TYPE_LRU_HASH = 9;

	private PinnedFilterMap() {
	}

	/** Makes {@code map} use the pinned map at {@code path}, checking bcc's layout. */
	static void reuse(Libbpf bpf, Pointer map, Path path, String option, int valueSize) throws CaptureException {
		int fd = bpf.bpf_obj_get(path.toString());
		if (fd < 0) {
			int errno = Native.getLastError();
			throw new CaptureException(option + ": " + path + ": " + (errno == 2 ? "no pinned BPF map there"
					: "cannot open the pinned map: " + Natives.strerror(errno)));
		}
		try {
			int rc = bpf.bpf_map__reuse_fd(map, fd);
			if (rc < 0) {
				throw new CaptureException(option + ": " + path + ": not a BPF map (" + Natives.strerror(-rc) + ")");
			}
			int type = bpf.bpf_map__type(map);
			int keySize = bpf.bpf_map__key_size(map);
			int actualValueSize = bpf.bpf_map__value_size(map);
			if ((type != BPF_MAP_TYPE_HASH && type != BPF_MAP_TYPE_LRU_HASH) || keySize != 8
					|| actualValueSize != valueSize) {
				throw new CaptureException(option + ": " + path + ": wrong map type: want a hash map with "
						+ "8-byte keys and " + valueSize + "-byte values, found map type " + type + " with "
						+ keySize + "-byte keys and " + actualValueSize + "-byte values");
			}
		} finally {
			Natives.libc().close(fd); // libbpf keeps its own duplicate
		}
	}
}
