package io.github.tcptracer.analysis.findings;

import io.github.tcptracer.analysis.model.Finding;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/**
 * Findings are scored on JMC's scale (25 information, 75 warning), so that a report and JMC's rule
 * results agree.
 */
final class Scores {
	/** A share of failures that makes information (1%), and a warning (10%). */
	static final double INFO_RATIO = 0.01;
	static final double WARNING_RATIO = 0.10;
	/** A number of failures that makes information (1), and a warning (5). */
	static final double INFO_COUNT = 1;
	static final double WARNING_COUNT = 5;

	private Scores() {
	}

	/**
	 * Both the share and the number of failures must be high for a warning: one refused connect out
	 * of one is 100%, but not yet a pattern.
	 */
	static double ofFailures(long failures, long total) {
		double ratio = (double) failures / total;
		return Math.min(RulesToolkit.mapExp100(ratio, INFO_RATIO, WARNING_RATIO),
				RulesToolkit.mapExp100(failures, INFO_COUNT, WARNING_COUNT));
	}

	static String severity(double score) {
		return Severity.get(score) == Severity.WARNING ? Finding.WARNING : Finding.INFO;
	}
}
