package io.github.tcptracer.capture.testing;

import io.github.tcptracer.capture.CaptureException;
import io.github.tcptracer.capture.TcpTracer;
import io.github.tcptracer.capture.TraceOptions;

/** Main of a child JVM that tries to start tracing and prints "started" or "error: MESSAGE". */
public final class StartProbe {
	private StartProbe() {
	}

	public static void main(String[] args) {
		try (TcpTracer tracer = TcpTracer.start(TraceOptions.all())) {
			System.out.println("started");
		} catch (CaptureException e) {
			System.out.println("error: " + e.getMessage());
		}
	}
}
