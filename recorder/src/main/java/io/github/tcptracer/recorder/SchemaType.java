package io.github.tcptracer.recorder;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Name;
import jdk.jfr.ValueDescriptor;
import org.openjdk.jmc.flightrecorder.writer.api.TypedValue;
import org.openjdk.jmc.flightrecorder.writer.api.TypedValueBuilder;

/**
 * One schema class as JFR itself reads it ({@link EventType#getEventType}: the JDK's field order,
 * names, labels and content types), and how to fill a writer value for one of its events. Built
 * once per class; the object's fields are read through cached reflective handles.
 */
final class SchemaType {
	// Fields JFR adds to every event: set from outside the event object.
	private static final String START_TIME = "startTime";
	private static final String DURATION = "duration";
	private static final String EVENT_THREAD = "eventThread";
	private static final String STACK_TRACE = "stackTrace";
	private static final Set<String> IMPLICIT_FIELDS = Set.of(START_TIME, DURATION, EVENT_THREAD, STACK_TRACE);

	private static final ClassValue<SchemaType> CACHE = new ClassValue<>() {
		@Override
		protected SchemaType computeValue(Class<?> type) {
			return new SchemaType(type.asSubclass(Event.class));
		}
	};

	private final EventType eventType;
	private final List<OwnField> ownFields = new ArrayList<>();

	private SchemaType(Class<? extends Event> type) {
		this.eventType = EventType.getEventType(type);
		for (ValueDescriptor descriptor : eventType.getFields()) {
			if (!IMPLICIT_FIELDS.contains(descriptor.getName())) {
				ownFields.add(new OwnField(descriptor.getName(), descriptor.getTypeName(),
						javaField(type, descriptor.getName())));
			}
		}
	}

	static SchemaType of(Class<? extends Event> type) {
		return CACHE.get(type);
	}

	EventType eventType() {
		return eventType;
	}

	/**
	 * Puts every field of the event's JFR type: the implicit ones from the arguments (times in
	 * ticks), the others from {@code event}. All of them, because the JMC writer (9.1.1) writes
	 * nothing for an unset field and so corrupts the chunk.
	 */
	void putAll(TypedValueBuilder value, Event event, long startTicks, long durationTicks, TypedValue eventThread,
			TypedValue stackTrace) {
		value.putField(START_TIME, startTicks)
				.putField(DURATION, durationTicks)
				.putField(EVENT_THREAD, eventThread)
				.putField(STACK_TRACE, stackTrace);
		for (OwnField field : ownFields) {
			field.put(event, value);
		}
	}

	/** The public field JFR calls {@code name}: its {@code @Name}, else its Java name. */
	private static Field javaField(Class<?> type, String name) {
		for (Class<?> c = type; c != Event.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				Name renamed = field.getAnnotation(Name.class);
				if ((renamed != null ? renamed.value() : field.getName()).equals(name)) {
					if (!Modifier.isPublic(field.getModifiers())) {
						throw new IllegalStateException(type.getName() + "." + field.getName()
								+ " must be public for the file recorder to read it");
					}
					return field;
				}
			}
		}
		throw new IllegalStateException(type.getName() + " has no field for the JFR field " + name);
	}

	/**
	 * A field of the event object. A {@code Thread} or {@code Class} field is written as null:
	 * the recorder is another process, so it has no thread or class of the traced JVM to refer to.
	 */
	private record OwnField(String name, String typeName, Field field) {
		private static final Set<String> PRIMITIVES_AND_STRING = Set.of("boolean", "byte", "char", "short", "int",
				"long", "float", "double", "java.lang.String");
		private static final Set<String> WRITTEN_AS_NULL = Set.of("java.lang.Thread", "java.lang.Class");

		OwnField {
			if (!PRIMITIVES_AND_STRING.contains(typeName) && !WRITTEN_AS_NULL.contains(typeName)) {
				throw new IllegalStateException("the file recorder cannot write " + typeName + " field " + name);
			}
		}

		void put(Event event, TypedValueBuilder value) {
			try {
				switch (typeName) {
					case "boolean" -> value.putField(name, field.getBoolean(event));
					case "byte" -> value.putField(name, field.getByte(event));
					case "char" -> value.putField(name, field.getChar(event));
					case "short" -> value.putField(name, field.getShort(event));
					case "int" -> value.putField(name, field.getInt(event));
					case "long" -> value.putField(name, field.getLong(event));
					case "float" -> value.putField(name, field.getFloat(event));
					case "double" -> value.putField(name, field.getDouble(event));
					case "java.lang.String" -> value.putField(name, (String) field.get(event));
					default -> value.putField(name, value.getType().getTypes().getType(typeName).nullValue());
				}
			} catch (IllegalAccessException e) {
				throw new IllegalStateException("cannot read " + field, e);
			}
		}
	}
}
