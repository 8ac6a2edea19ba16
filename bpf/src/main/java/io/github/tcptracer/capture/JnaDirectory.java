package io.github.tcptracer.capture;

import java.io.File;
import java.util.function.UnaryOperator;

/**
 * The directory JNA unpacks its native library into, checked before JNA is first used. JNA
 * finds an unusable one as it initializes and logs that through java.util.logging, a WARNING
 * with a stack trace on stderr, before it fails. The command silences that logger in its own JVM,
 * but the agent's stderr and loggers are its host's, not the agent's to change: so the check
 * comes first, and the failure is one line. It takes the directory as JNA 5 does
 * ({@code Native.getTempDir}): {@code jna.tmpdir}, made if missing; else {@code JNA/temp} in the
 * user's cache ({@code XDG_CACHE_HOME}, or {@code ~/.cache}), made if missing, or
 * {@code java.io.tmpdir} where that cannot be made.
 */
final class JnaDirectory {
	private JnaDirectory() {
	}

	/** Why JNA cannot unpack its library in this JVM, or null when it can. */
	static String problem() {
		return problem(System::getProperty, System::getenv);
	}

	/** {@link #problem()} with these system properties and environment variables. */
	static String problem(UnaryOperator<String> properties, UnaryOperator<String> environment) {
		// Not unpacking, JNA never looks at the directory; given a library path of its own, it
		// loads from there and only logs about the directory: refusing would stop what works.
		if (Boolean.parseBoolean(properties.apply("jna.nounpack"))
				|| properties.apply("jna.boot.library.path") != null) {
			return null;
		}
		File directory;
		String chosen = properties.apply("jna.tmpdir");
		if (chosen != null) {
			directory = new File(chosen);
			directory.mkdirs();
		} else {
			String cache = environment.apply("XDG_CACHE_HOME");
			File cacheDirectory = cache == null || cache.isBlank() ? new File(properties.apply("user.home"), ".cache")
					: new File(cache);
			directory = new File(cacheDirectory, "JNA/temp");
			directory.mkdirs();
			if (!directory.canWrite()) {
				directory = new File(properties.apply("java.io.tmpdir"));
			}
		}
		if (!directory.exists()) {
			return "JNA temporary directory '" + directory + "' does not exist";
		}
		if (!directory.isDirectory()) {
			return "JNA temporary directory '" + directory + "' is not a directory";
		}
		if (!directory.canWrite()) {
			return "JNA temporary directory '" + directory + "' is not writable";
		}
		return null;
	}
}
