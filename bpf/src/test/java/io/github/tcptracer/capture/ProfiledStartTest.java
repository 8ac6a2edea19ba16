package io.github.tcptracer.capture;

import static io.github.tcptracer.capture.CaptureAssertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.capture.testing.EventCollector;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.util.List;
import one.profiler.AsyncProfiler;
import org.junit.jupiter.api.Test;

/**
 * The tracer starts in a JVM that a sampling profiler is profiling, as the agent does in a service
 * under async-profiler. Its cpu mode signals each thread after every interval of that thread's CPU
 * time, and the kernel's verifier gives up (EAGAIN) whenever a signal is pending for the thread that
 * loads the programs: before {@link HeldSignals}, every start under it failed.
 */
class ProfiledStartTest {

	@Test
	void startsWhileAsyncProfilerSamplesEveryMillisecondOfCpu() throws Exception {
		// The test dependency carries async-profiler's x86-64 library only.
		assumeTrue("amd64".equals(System.getProperty("os.arch")), "async-profiler's library here is for x86-64");
		BpfRequirement.require(); // BPF loads at all (fails under CI, skips elsewhere): from here on, failures are ours
		AsyncProfiler profiler = AsyncProfiler.getInstance();
		profiler.execute("start,event=cpu,interval=1ms");
		TcpTracer tracer;
		long samples;
		try {
			long before = profiler.getSamples();
			tracer = TcpTracer.start(TraceOptions.all().withPid(SELF));
			samples = profiler.getSamples() - before;
		} finally {
			profiler.stop();
		}
		try (tracer; LoopbackPair pair = LoopbackPair.open(StandardProtocolFamily.INET, "127.0.0.1")) {
			assertTrue(samples > 0, "the profiler sampled this JVM while the tracer started");
			List<TcpEvent> events = new EventCollector(tracer).collect(onServerPort(pair.serverPort()), atLeast(2),
					Duration.ofSeconds(5));
			assertEquals(pair.clientPort(), single(events, TcpEventType.CONNECT).localPort());
			assertEquals(pair.serverPort(), single(events, TcpEventType.ACCEPT).localPort());
		}
	}
}
