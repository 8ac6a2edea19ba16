package io.github.tcptracer.capture;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

/**
 * The part of the system libbpf (Debian package {@code libbpf1}, {@code libbpf.so.1}) this
 * project calls. libbpf 1.x conventions: pointer-returning calls give NULL and set errno,
 * int-returning calls give {@code -errno}.
 */
interface Libbpf extends Library {
	String SONAME = "libbpf.so.1";

	Pointer bpf_object__open_mem(Pointer buffer, long size, Pointer options);

	int bpf_object__load(Pointer object);

	void bpf_object__close(Pointer object);

	Pointer bpf_object__find_map_by_name(Pointer object, String name);

	Pointer bpf_object__find_program_by_name(Pointer object, String name);

	int bpf_map__set_max_entries(Pointer map, int maxEntries);

	int bpf_map__set_inner_map_fd(Pointer map, int fd);

	int bpf_map_create(int mapType, String name, int keySize, int valueSize, int maxEntries, Pointer options);

	int bpf_map_update_elem(int fd, Pointer key, Pointer value, long flags);

	Pointer bpf_map__initial_value(Pointer map, LongByReference size);

	int bpf_map__reuse_fd(Pointer map, int fd);

	int bpf_map__fd(Pointer map);

	int bpf_map__type(Pointer map);

	int bpf_map__key_size(Pointer map);

	int bpf_map__value_size(Pointer map);

	Pointer bpf_program__attach(Pointer program);

	int bpf_link__destroy(Pointer link);

	int bpf_program__fd(Pointer program);

	int bpf_obj_get_info_by_fd(int fd, Pointer info, com.sun.jna.ptr.IntByReference infoLength);

	int bpf_obj_get(String path);

	int bpf_map_lookup_elem(int fd, Pointer key, Pointer value);

	int bpf_map_lookup_batch(int fd, Pointer inBatch, Pointer outBatch, Pointer keys, Pointer values,
			com.sun.jna.ptr.IntByReference count, Pointer options);

	int libbpf_num_possible_cpus();

	Pointer btf__load_vmlinux_btf();

	int btf__find_by_name_kind(Pointer btf, String name, int kind);

	void btf__free(Pointer btf);

	Pointer libbpf_set_print(PrintFunction function);

	/** {@code int (*)(enum libbpf_print_level, const char *fmt, va_list args)}. */
	interface PrintFunction extends Callback {
		int invoke(int level, String format, Pointer arguments);
	}
}
