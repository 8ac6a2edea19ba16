package io.github.tcptracer.analysis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.analysis.testing.RichRecording;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport;
import org.openjdk.jmc.flightrecorder.rules.report.html.JfrHtmlRulesReport;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/** The findings as JMC rules: found through ServiceLoader and shown by JMC's headless reports. */
class JmcRulesTest {
	private static final List<String> IDS = List.of(ConnectionChurnRule.ID, FailedConnectsRule.ID,
			ConnectionResetsRule.ID, LostEventsRule.ID);

	@TempDir
	static Path dir;
	private static Path rich;

	@BeforeAll
	static void record() throws Exception {
		rich = RichRecording.write(dir.resolve("rich.jfr"));
	}

	@Test
	void serviceLoaderAndRuleRegistryFindTheRules() {
		List<String> loaded = ServiceLoader.load(IRule.class).stream().map(p -> p.get().getId()).toList();
		assertTrue(loaded.containsAll(IDS), loaded.toString());
		List<String> registered = RuleRegistry.getRules().stream().map(IRule::getId).toList();
		assertTrue(registered.containsAll(IDS), registered.toString());
	}

	@Test
	void rulesAgreeWithTheReport() throws Exception {
		Map<String, IResult> results = evaluate(JfrLoaderToolkit.loadEvents(rich.toFile()),
				IPreferenceValueProvider.DEFAULT_VALUES);
		assertEquals(Severity.WARNING, results.get(ConnectionChurnRule.ID).getSeverity());
		assertEquals("127.0.0.1:5432 (localhost)", results.get(ConnectionChurnRule.ID)
				.getResult(ConnectionChurnRule.ENDPOINT));
		assertEquals(150, results.get(ConnectionChurnRule.ID).getResult(ConnectionChurnRule.CONNECTIONS).longValue());
		assertEquals(Severity.WARNING, results.get(FailedConnectsRule.ID).getSeverity());
		assertEquals(7, results.get(FailedConnectsRule.ID).getResult(FailedConnectsRule.FAILED).longValue());
		assertEquals(Severity.INFO, results.get(ConnectionResetsRule.ID).getSeverity());
		assertEquals(Severity.WARNING, results.get(LostEventsRule.ID).getSeverity());
		assertEquals(3, results.get(LostEventsRule.ID).getResult(LostEventsRule.LOST).longValue());
	}

	@Test
	void churnThresholdsArePreferences() throws Exception {
		IPreferenceValueProvider strict = new IPreferenceValueProvider() {
			@Override
			@SuppressWarnings("unchecked")
			public <T> T getPreferenceValue(TypedPreference<T> preference) {
				if (preference.equals(ConnectionChurnRule.MIN_CONNECTIONS)) {
					return (T) UnitLookup.NUMBER_UNITY.quantity(151);
				}
				return preference.getDefaultValue();
			}
		};
		Map<String, IResult> results = evaluate(JfrLoaderToolkit.loadEvents(rich.toFile()), strict);
		assertEquals(Severity.OK, results.get(ConnectionChurnRule.ID).getSeverity());
	}

	@Test
	void theHeadlessHtmlReportShowsThem() throws Exception {
		String html = JfrHtmlRulesReport.createReport(rich.toFile());
		for (String name : List.of("TCP Connection Churn", "TCP Failed Connects", "TCP Connection Resets",
				"TCP Tracer Lost Events")) {
			assertTrue(html.contains(name), name);
		}
		assertTrue(html.contains("150 connections to 127.0.0.1:5432 (localhost)"), html);
	}

	@Test
	void theHeadlessTextReportShowsThem() throws Exception {
		String text = printed(() -> JfrRulesReport.printReport("text", Severity.INFO, false, false, rich.toString()));
		assertTrue(text.contains("Rule: TCP Connection Churn"), text);
		assertTrue(text.contains("Summary: 150 connections to 127.0.0.1:5432 (localhost) at 10.1/s"), text);
		assertTrue(text.contains("Rule: TCP Failed Connects"), text);
	}

	private static Map<String, IResult> evaluate(IItemCollection items, IPreferenceValueProvider preferences)
			throws Exception {
		List<IRule> ours = RuleRegistry.getRules().stream().filter(rule -> IDS.contains(rule.getId())).toList();
		Map<IRule, Future<IResult>> futures = RulesToolkit.evaluateParallel(ours, items, preferences, 1);
		Map<String, IResult> results = new java.util.HashMap<>();
		for (Map.Entry<IRule, Future<IResult>> entry : futures.entrySet()) {
			results.put(entry.getKey().getId(), entry.getValue().get());
		}
		return results;
	}

	private interface Printing {
		void print() throws Exception;
	}

	/** What JfrRulesReport prints to System.out, which it writes to directly. */
	private static synchronized String printed(Printing printing) throws Exception {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			printing.print();
		} finally {
			System.setOut(original);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

}
