package io.github.tcptracer.capture;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;

/**
 * The two builds of tcptracer.bpf.c in the jar (see build.sh), and which one the running kernel
 * takes. They differ only in how the accept program reads the socket it found: with the
 * {@code bpf_rdonly_cast} kfunc (kernel 6.2 and later), or with a probe read per field. libbpf 1.1
 * cannot make a kfunc optional within one object.
 */
enum BpfObject {
	CASTS("tcptracer.bpf.o"),
	PROBE_READS("tcptracer-before-6.2.bpf.o");

	private static final int BTF_KIND_FUNC = 12;
	private static BpfObject forRunningKernel;

	private final String resource;

	BpfObject(String resource) {
		this.resource = resource;
	}

	String resource() {
		return resource;
	}

	/** The build for this kernel: CASTS when its BTF has the kfunc. Decided once per process. */
	static synchronized BpfObject forRunningKernel(Libbpf bpf) {
		if (forRunningKernel == null) {
			forRunningKernel = kernelHasFunction(bpf, "bpf_rdonly_cast") ? CASTS : PROBE_READS;
		}
		return forRunningKernel;
	}

	private static boolean kernelHasFunction(Libbpf bpf, String name) {
		Pointer btf = bpf.btf__load_vmlinux_btf();
		if (btf == null) {
			return false; // the load then fails with libbpf's own reason
		}
		try {
			return bpf.btf__find_by_name_kind(btf, name, BTF_KIND_FUNC) >= 0;
		} finally {
			bpf.btf__free(btf);
		}
	}

	/** The object's ELF bytes, where libbpf can read them until the load. */
	Memory bytes() throws CaptureException {
		try (InputStream in = BpfObject.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new CaptureException("the BPF object " + resource + " is missing from the jar");
			}
			byte[] data = in.readAllBytes();
			Memory memory = new Memory(data.length);
			memory.write(0, data, 0, data.length);
			return memory;
		} catch (IOException e) {
			throw new CaptureException("cannot read the BPF object: " + e.getMessage(), e);
		}
	}
}
