package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import io.github.tcptracer.capture.testing.BpfRequirement;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The jar's two builds of the BPF programs, and the choice between them. */
class BpfObjectTest {
	private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

	/** Both are in the jar, and only the one for 6.2 on calls the kfunc (else it would not load before). */
	@Test
	void bothBuildsAreInTheJarAndOnlyOneCasts() throws Exception {
		for (BpfObject build : BpfObject.values()) {
			Memory bytes = build.bytes();
			assertArrayEquals(ELF_MAGIC, bytes.getByteArray(0, 4), build::resource);
			String elf = new String(bytes.getByteArray(0, (int) bytes.size()), StandardCharsets.ISO_8859_1);
			assertEquals(build == BpfObject.CASTS, elf.contains("bpf_rdonly_cast"), build::resource);
		}
	}

	/** bpf_rdonly_cast came with Linux 6.2: the kernel's BTF says whether it is there. */
	@Test
	void theRunningKernelTakesTheCastsFrom62On() {
		Matcher release = Pattern.compile("(\\d+)\\.(\\d+).*").matcher(System.getProperty("os.version"));
		assertTrue(release.matches(), "kernel release " + System.getProperty("os.version"));
		int major = Integer.parseInt(release.group(1));
		int minor = Integer.parseInt(release.group(2));
		BpfObject expected = major > 6 || major == 6 && minor >= 2 ? BpfObject.CASTS : BpfObject.PROBE_READS;
		Libbpf bpf;
		try {
			bpf = Natives.libbpf();
		} catch (CaptureException e) {
			BpfRequirement.unavailable(e.getMessage());
			return;
		}
		assertEquals(expected, BpfObject.forRunningKernel(bpf));
	}
}
