package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.capture.testing.StartProbe;
import com.sun.jna.Native;
import io.github.tcptracer.capture.testing.WorldReadableClassPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expected start failures give one line naming the cause. Each runs {@link StartProbe} in a
 * child JVM whose environment lacks one thing: privileges (another user), libbpf or BTF (hidden
 * by a bind mount in a private mount namespace).
 */
class StartErrorsTest {

	@BeforeAll
	static void machineCanTraceAtAll() {
		BpfRequirement.require(); // so a failure below is about the missing piece, not the machine
	}

	/** Runs the probe as {@code setup; exec runner java -cp ... StartProbe} in a private mount namespace. */
	private static String probe(String setup, String runner) throws Exception {
		return probe(setup, runner, System.getProperty("java.class.path"), "");
	}

	private static String probe(String setup, String runner, String classPath, String javaOptions)
			throws Exception {
		List<String> command = new ArrayList<>(List.of("unshare", "--mount", "sh", "-c",
				setup + " exec " + runner + " \"$0\" " + javaOptions + " -cp \"$1\" " + StartProbe.class.getName(),
				Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				classPath));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertEquals(0, process.waitFor(), output);
		return output;
	}

	@Test
	void withoutPrivilegesSaysWhichCapabilities() throws Exception {
		String output;
		try (WorldReadableClassPath classPath = WorldReadableClassPath.of(TcpTracer.class, StartProbe.class,
				Native.class)) {
			output = probe("true;", "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "
					+ "env HOME=/tmp", classPath.classPath(), "");
		}
		assertEquals("error: BPF not permitted: run as root, or with CAP_BPF and CAP_PERFMON "
				+ "(this process lacks CAP_BPF and CAP_PERFMON)", output);
	}

	/**
	 * CAP_BPF and CAP_PERFMON load and attach, but libbpf also reads tracefs, which is root's alone
	 * (mode 0700): without CAP_DAC_READ_SEARCH the start says so, and with it the tracer starts.
	 */
	@Test
	void withCapabilitiesInsteadOfRootNamesTheOneForTracefs() throws Exception {
		try (WorldReadableClassPath classPath = WorldReadableClassPath.of(TcpTracer.class, StartProbe.class,
				Native.class)) {
			String output = probe("true;", nobodyWith("+bpf,+perfmon"), classPath.classPath(), "");
			assertTrue(output.startsWith("error: cannot read tracefs at /sys/kernel/"), output);
			assertTrue(output.endsWith("tracing, where libbpf finds the accept tracepoints: run as root, or with"
					+ " CAP_DAC_READ_SEARCH besides CAP_BPF and CAP_PERFMON"), output);
			assertEquals("started", probe("true;", nobodyWith("+bpf,+perfmon,+dac_read_search"),
					classPath.classPath(), ""));
		}
	}

	/** Runs as nobody, holding these capabilities (setpriv's syntax) and no others. */
	private static String nobodyWith(String capabilities) {
		return "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all," + capabilities
				+ " --ambient-caps=-all," + capabilities + " env HOME=/tmp";
	}

	@Test
	void withoutLibbpfNamesThePackage() throws Exception {
		String output = probe("for f in $(ldconfig -p | sed -n 's/.*libbpf.so.1 .*=> //p'); do "
				+ "mount --bind /dev/null \"$(readlink -f \"$f\")\"; done;", "");
		assertEquals("error: libbpf.so.1 not found: install the libbpf1 package (apt-get install libbpf1)", output);
	}

	@Test
	void withoutADirectoryForJnaSaysSo(@TempDir Path jnaDirectory) throws Exception {
		// Hardened hosts mount /tmp noexec: JNA cannot map the library it unpacks there.
		String output = probe("mount -t tmpfs -o noexec none " + jnaDirectory + ";", "",
				System.getProperty("java.class.path"), "-Djna.tmpdir=" + jnaDirectory);
		assertTrue(output.startsWith("error: cannot load JNA's native library (" + jnaDirectory + "/"), output);
		assertTrue(output.endsWith("failed to map segment from shared object): JNA unpacks it into a directory"
				+ " that must be writable and allow executables; name one with -Djna.tmpdir=DIR"
				+ " (e.g. in JAVA_TOOL_OPTIONS)"), output);
		assertFalse(output.contains("\n"), () -> "one line: " + output);
	}

	@Test
	void withoutBtfSaysSo() throws Exception {
		String output = probe("mount -t tmpfs none /sys/kernel/btf;", "");
		assertEquals("error: kernel without BTF: /sys/kernel/btf/vmlinux is missing (tcptracer needs a kernel "
				+ ">= 5.12 built with CONFIG_DEBUG_INFO_BTF=y; in a container, the host's /sys/kernel/btf too)", output);
	}
}
