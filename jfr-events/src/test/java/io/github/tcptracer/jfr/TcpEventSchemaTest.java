package io.github.tcptracer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jdk.jfr.DataAmount;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.SettingDescriptor;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema as JFR registers it: every name constant is a registered event type in the one
 * namespace, with headline-style labels, descriptions, one category, no stack traces, and units
 * on every time and byte count.
 */
class TcpEventSchemaTest {
	private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "at", "by", "for", "in", "of", "on",
			"or", "per", "the", "to");
	/** Fields that JFR adds to every event. */
	private static final Set<String> IMPLICIT = Set.of("startTime", "duration", "eventThread", "stackTrace");

	private static List<EventType> schema;

	@BeforeAll
	static void register() {
		TcpEventTypes.ALL.forEach(FlightRecorder::register);
		schema = TcpEventTypes.ALL.stream().map(EventType::getEventType).toList();
	}

	@Test
	void everyNameConstantIsARegisteredEventType() {
		Set<String> constants = Arrays.stream(TcpEventNames.class.getDeclaredFields())
				.filter(f -> Modifier.isStatic(f.getModifiers()) && !f.getName().equals("NAMESPACE"))
				.map(TcpEventSchemaTest::value).collect(Collectors.toCollection(TreeSet::new));
		Set<String> registered = FlightRecorder.getFlightRecorder().getEventTypes().stream()
				.map(EventType::getName).collect(Collectors.toSet());
		assertTrue(registered.containsAll(constants), () -> "registered: " + constants);
		assertEquals(constants, schema.stream().map(EventType::getName).collect(Collectors.toCollection(TreeSet::new)),
				"TcpEventTypes.ALL declares one class per name");
		constants.forEach(name -> assertTrue(name.startsWith(TcpEventNames.NAMESPACE + "."), name));
	}

	@Test
	void eventTypesAreLabelledDescribedInOneCategoryWithoutStackTraces() {
		List<String> category = schema.get(0).getCategoryNames();
		for (EventType type : schema) {
			assertHeadline(type.getLabel(), type.getName());
			assertNotNull(type.getDescription(), type.getName() + " has a description");
			assertEquals(category, type.getCategoryNames(), type.getName());
			SettingDescriptor stackTrace = type.getSettingDescriptors().stream()
					.filter(s -> s.getName().equals("stackTrace")).findFirst().orElseThrow();
			assertEquals("false", stackTrace.getDefaultValue(), type.getName() + " records no stack trace");
		}
	}

	@Test
	void everyFieldHasAHeadlineLabel() {
		for (EventType type : schema) {
			for (ValueDescriptor field : ownFields(type)) {
				assertHeadline(field.getLabel(), type.getName() + "." + field.getName());
			}
		}
	}

	@Test
	void timesAndByteCountsHaveUnits() {
		for (EventType type : schema) {
			for (ValueDescriptor field : ownFields(type)) {
				String name = field.getName() + " of " + type.getName();
				String lower = field.getName().toLowerCase();
				if (lower.endsWith("time")) {
					assertTrue(Set.of(Timespan.class.getName(), Timestamp.class.getName())
							.contains(field.getContentType()), name + " is a timespan or a timestamp");
				}
				if (lower.startsWith("bytes")) {
					assertEquals(DataAmount.class.getName(), field.getContentType(), name + " is a data amount");
				}
			}
		}
		EventType close = EventType.getEventType(TcpCloseEvent.class);
		assertEquals(Timespan.class.getName(), close.getField("lifetime").getContentType());
	}

	/** Where our connection fields and the JDK's socket events share a name, they share the label. */
	@Test
	void sharedFieldsAreLabelledLikeTheJdksSocketEvents() {
		EventType socketRead = FlightRecorder.getFlightRecorder().getEventTypes().stream()
				.filter(t -> t.getName().equals("jdk.SocketRead")).findFirst().orElseThrow();
		Map<String, String> jdkLabels = socketRead.getFields().stream()
				.collect(Collectors.toMap(ValueDescriptor::getName, ValueDescriptor::getLabel));
		int shared = 0;
		for (ValueDescriptor field : ownFields(EventType.getEventType(TcpConnectEvent.class))) {
			if (jdkLabels.containsKey(field.getName())) {
				assertEquals(jdkLabels.get(field.getName()), field.getLabel(), field.getName());
				shared++;
			}
		}
		assertTrue(shared >= 2, "address and port at least");
	}

	private static List<ValueDescriptor> ownFields(EventType type) {
		return type.getFields().stream().filter(f -> !IMPLICIT.contains(f.getName())).toList();
	}

	private static void assertHeadline(String label, String of) {
		assertNotNull(label, of + " has a label");
		assertTrue(!label.isBlank() && !label.matches(".*\\p{Punct}$"), of + ": '" + label + "'");
		for (String word : label.split(" ")) {
			assertTrue(Character.isUpperCase(word.charAt(0)) || SMALL_WORDS.contains(word),
					of + ": '" + label + "' is in headline style");
		}
	}

	private static String value(Field constant) {
		try {
			return (String) constant.get(null);
		} catch (IllegalAccessException e) {
			throw new AssertionError(e);
		}
	}
}
