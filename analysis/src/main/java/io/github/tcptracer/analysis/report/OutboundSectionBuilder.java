package io.github.tcptracer.analysis.report;

import io.github.tcptracer.analysis.connections.Direction;
import io.github.tcptracer.analysis.connections.EventTally;
import io.github.tcptracer.analysis.connections.EventTally.ThreadConnects;
import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.input.TcpEventKind;
import io.github.tcptracer.analysis.model.OutboundEndpoint;
import io.github.tcptracer.analysis.model.OutboundSection;
import io.github.tcptracer.analysis.model.ProcessCount;
import io.github.tcptracer.analysis.model.ThreadCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class OutboundSectionBuilder {
	private OutboundSectionBuilder() {
	}

	static OutboundSection build(TcpAnalysis analysis, int top) {
		List<OutboundEndpoint> endpoints = Top.of(
				analysis.endpoints().stream()
						.filter(stats -> stats.endpoint().direction() == Direction.OUTBOUND)
						.map(stats -> new OutboundEndpoint(analysis.ref(stats.endpoint()), stats.opened(),
								stats.failedConnects()))
						.toList(),
				top, Comparator.comparingLong((OutboundEndpoint e) -> e.connects() + e.failedConnects()).reversed());
		EventTally tally = analysis.tally();
		List<ThreadCount> threads = new ArrayList<>();
		for (ThreadConnects thread : tally.threads()) {
			threads.add(new ThreadCount(thread.pid(), thread.tid(), thread.command(), thread.connects()));
		}
		threads.sort(Comparator.comparingLong(ThreadCount::connects).reversed());
		// A process's events name only its threads (comm): its busiest thread's name stands for it.
		Map<Integer, String> commands = new HashMap<>();
		Map<Integer, Long> perProcess = new LinkedHashMap<>();
		for (ThreadCount thread : threads) {
			commands.putIfAbsent(thread.pid(), thread.command());
			perProcess.merge(thread.pid(), thread.connects(), Long::sum);
		}
		return new OutboundSection(analysis.count(TcpEventKind.CONNECT), analysis.count(TcpEventKind.CONNECT_FAILED),
				RateCalculator.of(tally, TcpEventKind.CONNECT), endpoints,
				Top.of(perProcess, top, (pid, count) -> new ProcessCount(pid, commands.get(pid), count)),
				threads.subList(0, Math.min(top, threads.size())));
	}
}
