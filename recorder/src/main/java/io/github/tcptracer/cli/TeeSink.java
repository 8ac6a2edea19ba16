package io.github.tcptracer.cli;

import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TraceSink;
import java.io.IOException;

/** Hands every event to two sinks (a .jfr file and the terminal), the first one first. */
final class TeeSink implements TraceSink {
	private final TraceSink first;
	private final TraceSink second;

	TeeSink(TraceSink first, TraceSink second) {
		this.first = first;
		this.second = second;
	}

	@Override
	public void onEvent(TcpEvent event) throws IOException {
		first.onEvent(event);
		second.onEvent(event);
	}

	@Override
	public void afterPoll(long kernelLostTotal) throws IOException {
		first.afterPoll(kernelLostTotal);
		second.afterPoll(kernelLostTotal);
	}

	/** Closes both, even when the first fails. */
	@Override
	public void close() throws IOException {
		try (TraceSink closedSecond = second) {
			first.close();
		}
	}
}
