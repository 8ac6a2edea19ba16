package io.github.tcptracer.capture.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a system command (ip, bpftool) for test set-up, failing loudly when it fails. */
public final class Commands {
	private Commands() {
	}

	public static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IOException(String.join(" ", List.of(command)) + " failed: " + output.strip());
		}
		return output;
	}

	/** The 8 bytes of {@code value} in host (little-endian) order as bpftool's hex words. */
	public static String[] hexLittleEndian(long value, int bytes) {
		String[] hex = new String[bytes];
		for (int i = 0; i < bytes; i++) {
			hex[i] = String.format("%02x", (value >>> (8 * i)) & 0xff);
		}
		return hex;
	}
}
