package io.github.tcptracer.analysis.findings;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.model.Finding;
import java.util.ArrayList;
import java.util.List;

/** All findings, in the report's order: lost events first, since they qualify everything else. */
public final class Findings {
	private Findings() {
	}

	public static List<Finding> all(TcpAnalysis analysis, ChurnThresholds thresholds) {
		List<Finding> findings = new ArrayList<>(LostEventsDetector.detect(analysis));
		findings.addAll(ChurnDetector.detect(analysis, thresholds));
		findings.addAll(FailedConnectDetector.detect(analysis));
		findings.addAll(ResetDetector.detect(analysis));
		return findings;
	}
}
