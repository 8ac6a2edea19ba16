package io.github.tcptracer.capture.testing;

import io.github.tcptracer.capture.CaptureException;
import io.github.tcptracer.capture.TcpTracer;
import io.github.tcptracer.capture.TraceOptions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Integration tests touch the real kernel. Under {@code CI=true} a test that cannot load BPF
 * fails; elsewhere it is skipped with the reason.
 */
public final class BpfRequirement {
	private BpfRequirement() {
	}

	public static boolean underCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/** What starts a tracer (tests in the capture package pick the build of its programs). */
	@FunctionalInterface
	public interface TracerStart {
		TcpTracer start() throws CaptureException;
	}

	/** Starts a tracer, or fails (CI) / skips (elsewhere) the calling test with the reason. */
	public static TcpTracer start(TraceOptions options) {
		return start(() -> TcpTracer.start(options));
	}

	/** {@link #start(TraceOptions)}, started by {@code start}. */
	public static TcpTracer start(TracerStart start) {
		try {
			return start.start();
		} catch (CaptureException e) {
			unavailable(e.getMessage());
			throw new AssertionError("unreachable");
		}
	}

	/** Fails under CI, skips elsewhere: for tests that need BPF but start it in another process. */
	public static void unavailable(String reason) {
		if (underCi()) {
			Assertions.fail("BPF must load under CI=true, but: " + reason);
		}
		Assumptions.abort("BPF not available here: " + reason);
	}

	/** Checks by loading the programs once; call from tests that run the tracer as a process. */
	public static void require() {
		try (TcpTracer tracer = start(TraceOptions.all())) {
			// loaded and attached: the kernel permits it
		}
	}
}
