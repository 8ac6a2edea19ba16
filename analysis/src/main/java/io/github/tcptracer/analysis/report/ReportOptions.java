package io.github.tcptracer.analysis.report;

import io.github.tcptracer.analysis.findings.ChurnThresholds;

/** @param top how many entries each list of the report keeps (endpoints, processes, findings per kind) */
public record ReportOptions(int top, ChurnThresholds churn) {
	public static final int DEFAULT_TOP = 10;
	public static final ReportOptions DEFAULT = new ReportOptions(DEFAULT_TOP, ChurnThresholds.DEFAULT);
}
