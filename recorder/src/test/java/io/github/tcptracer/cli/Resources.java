package io.github.tcptracer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources under /cli, read as UTF-8 text. */
final class Resources {
	private Resources() {
	}

	/** The text of {@code /cli/PATH}, or null if there is no such resource. */
	static String text(String path) {
		try (InputStream in = Resources.class.getResourceAsStream("/cli/" + path)) {
			return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The lines of a tab-separated resource, without blank and # comment lines. */
	static java.util.List<String[]> table(String path) {
		return text(path).lines()
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.split("\t", -1))
				.toList();
	}
}
