package io.github.tcptracer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every TcpEventFields constant names a schema field, and every schema field has a constant. */
class TcpEventFieldsTest {
	@Test
	void constantsAndSchemaFieldsAreTheSameSet() {
		Set<String> constants = Arrays.stream(TcpEventFields.class.getDeclaredFields())
				.filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
				.map(TcpEventFieldsTest::value)
				.collect(Collectors.toCollection(TreeSet::new));
		Set<String> schemaFields = new TreeSet<>();
		for (Class<?> type : TcpEventTypes.ALL) {
			for (Class<?> c = type; c != jdk.jfr.Event.class; c = c.getSuperclass()) {
				Arrays.stream(c.getDeclaredFields())
						.filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
						.forEach(f -> schemaFields.add(f.getName()));
			}
		}
		assertEquals(schemaFields, constants);
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		} catch (IllegalAccessException e) {
			throw new AssertionError(e);
		}
	}
}
