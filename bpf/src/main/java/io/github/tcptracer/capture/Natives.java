package io.github.tcptracer.capture;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads libbpf and libc once, and routes libbpf's log to stderr when {@code TCPTRACER_DEBUG} is set. */
final class Natives {
	static final String DEBUG_VARIABLE = "TCPTRACER_DEBUG";

	private static Libbpf libbpf;
	private static LibC libc;
	// Held in a static field: JNA callbacks must stay reachable while libbpf may call them.
	private static final Libbpf.PrintFunction PRINT = Natives::onLibbpfLog;
	/** The kernel's largest verifier log (libbpf prints it as one message). */
	private static final int LOG_BUFFER_BYTES = 16 << 20;
	private static byte[] logBuffer;
	/** How the JVM quotes a class's failed initialization in a later NoClassDefFoundError's cause. */
	private static final Pattern QUOTED_FAILURE = Pattern.compile("Exception \\S+: (.*) \\[in thread \".*\"\\]",
			Pattern.DOTALL);

	private Natives() {
	}

	static synchronized LibC libc() {
		if (libc == null) {
			libc = Native.load("c", LibC.class);
		}
		return libc;
	}

	static synchronized Libbpf libbpf() throws CaptureException {
		if (libbpf == null) {
			requireJna();
			try {
				Libbpf loaded = Native.load(Libbpf.SONAME, Libbpf.class);
				loaded.libbpf_set_print(PRINT);
				libbpf = loaded;
			} catch (UnsatisfiedLinkError e) {
				throw new CaptureException(Libbpf.SONAME
						+ " not found: install the libbpf1 package (apt-get install libbpf1)");
			}
		}
		return libbpf;
	}

	/**
	 * JNA's own native library, which JNA unpacks into a temporary directory first: one mounted
	 * noexec or read-only (hardened hosts, read-only containers) stops it, and without this check
	 * that would read as libbpf missing. A directory that is missing or not writable is found
	 * before JNA logs it ({@link JnaDirectory}).
	 */
	private static void requireJna() throws CaptureException {
		if (ModuleLayer.boot().findModule("java.logging").isEmpty()) {
			throw new CaptureException("this Java runtime lacks the java.logging module, which JNA needs"
					+ " (a jlink image: add it with --add-modules java.logging)");
		}
		String directoryProblem = JnaDirectory.problem();
		if (directoryProblem != null) {
			throw jnaUnloadable(directoryProblem);
		}
		try {
			Native.getNativeSize(Long.TYPE); // initializes JNA, which loads its library
		} catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
			throw jnaUnloadable(firstFailure(e));
		}
	}

	private static CaptureException jnaUnloadable(String why) {
		return new CaptureException("cannot load JNA's native library (" + why + "): JNA unpacks it into a directory"
				+ " that must be writable and allow executables; name one with -Djna.tmpdir=DIR (e.g. in"
				+ " JAVA_TOOL_OPTIONS)");
	}

	/**
	 * Why JNA failed. Once its initialization has failed (the agent's thread names touch JNA
	 * first), the JVM says only "Could not initialize class"; since JDK 17 its cause quotes the
	 * first failure as {@code Exception CLASS: MESSAGE [in thread "NAME"]}.
	 */
	private static String firstFailure(Throwable failure) {
		if (failure instanceof NoClassDefFoundError && failure.getCause() != null
				&& failure.getCause().getMessage() != null) {
			Matcher quoted = QUOTED_FAILURE.matcher(failure.getCause().getMessage());
			if (quoted.matches()) {
				return quoted.group(1);
			}
		}
		return failure.getMessage();
	}

	static String strerror(int errno) {
		return libc().strerror(errno);
	}

	private static int onLibbpfLog(int level, String format, Pointer arguments) {
		try {
			if (System.getenv(DEBUG_VARIABLE) == null) {
				return 0;
			}
			synchronized (Natives.class) {
				// One message can hold a whole verifier log: a buffer that large, once, only when asked.
				if (logBuffer == null) {
					logBuffer = new byte[LOG_BUFFER_BYTES];
				}
				int length = libc().vsnprintf(logBuffer, logBuffer.length, format, arguments);
				String line = new String(logBuffer, 0, Math.max(0, Math.min(length, logBuffer.length - 1)),
						java.nio.charset.StandardCharsets.UTF_8).stripTrailing();
				System.err.println(length >= logBuffer.length ? line + "\n(libbpf message truncated)" : line);
			}
		} catch (Throwable ignored) {
			// Never let an exception cross back into native code.
		}
		return 0;
	}
}
