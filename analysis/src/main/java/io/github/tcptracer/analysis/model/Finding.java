package io.github.tcptracer.analysis.model;

import java.util.Map;

/**
 * Something worth a look, with the numbers behind it.
 *
 * @param id       "connection-churn", "failed-connects", "connection-resets" or "lost-events"
 * @param severity "warning" at a score of 75 or more, else "info"
 * @param score    0 to 100 on JMC's rule scale
 * @param endpoint the endpoint it concerns, or null for the whole recording
 * @param numbers  named numbers, the keys fixed per id (see the JSON schema)
 * @param errors   failed connects per errno name; null for other ids
 */
public record Finding(String id, String severity, double score, EndpointRef endpoint, String summary,
		Map<String, Number> numbers, Map<String, Long> errors) {
	public static final String CHURN = "connection-churn";
	public static final String FAILED_CONNECTS = "failed-connects";
	public static final String RESETS = "connection-resets";
	public static final String LOST_EVENTS = "lost-events";

	public static final String WARNING = "warning";
	public static final String INFO = "info";
}
