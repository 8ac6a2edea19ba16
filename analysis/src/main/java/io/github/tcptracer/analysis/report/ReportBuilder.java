package io.github.tcptracer.analysis.report;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.findings.Findings;
import io.github.tcptracer.analysis.model.Finding;
import io.github.tcptracer.analysis.model.TcpReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the report's data from an analysis; the renderers only lay it out. */
public final class ReportBuilder {
	private ReportBuilder() {
	}

	public static TcpReport build(TcpAnalysis analysis, ReportOptions options) {
		int top = options.top();
		return new TcpReport(TcpReport.SCHEMA_VERSION,
				RecordingSectionBuilder.build(analysis),
				OutboundSectionBuilder.build(analysis, top),
				InboundSectionBuilder.build(analysis, top),
				TimelineBuilder.build(analysis.tally(), !analysis.content().events().isEmpty()),
				LifetimeSectionBuilder.build(analysis, top),
				topPerKind(Findings.all(analysis, options.churn()), top),
				BytesSectionBuilder.build(analysis, top));
	}

	/** The first {@code top} findings of each id, ids in their first-seen order. */
	private static List<Finding> topPerKind(List<Finding> findings, int top) {
		Map<String, List<Finding>> byId = findings.stream()
				.collect(Collectors.groupingBy(Finding::id, LinkedHashMap::new, Collectors.toList()));
		return byId.values().stream().flatMap(list -> list.stream().limit(top)).toList();
	}
}
