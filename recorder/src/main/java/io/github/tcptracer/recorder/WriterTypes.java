package io.github.tcptracer.recorder;

import java.lang.annotation.Annotation;
import java.util.List;
import jdk.jfr.AnnotationElement;
import jdk.jfr.EventType;
import jdk.jfr.Name;
import jdk.jfr.ValueDescriptor;
import org.openjdk.jmc.flightrecorder.writer.api.AnnotatedElementBuilder;
import org.openjdk.jmc.flightrecorder.writer.api.Recording;
import org.openjdk.jmc.flightrecorder.writer.api.Type;
import org.openjdk.jmc.flightrecorder.writer.api.TypedField;
import org.openjdk.jmc.flightrecorder.writer.api.TypedValueBuilder;
import org.openjdk.jmc.flightrecorder.writer.api.Types;

/**
 * Declares a schema event type in a JMC writer recording, translated field by field and
 * annotation by annotation from the JDK's {@link EventType}: nothing about the schema is restated
 * here. Taking the JDK's field list also avoids the writer's own class-based registration, which
 * puts startTime last (the JDK's parser then fails) and skips inherited fields.
 */
final class WriterTypes {
	private static final String EVENT_SUPERTYPE = "jdk.jfr.Event";
	private static final String ANNOTATION_SUPERTYPE = Annotation.class.getName();

	private WriterTypes() {
	}

	static Type declare(Recording recording, EventType eventType) {
		Types types = recording.getTypes();
		// An event type never gets a constant pool here (the writer special-cases jdk.jfr.Event).
		return recording.registerType(eventType.getName(), EVENT_SUPERTYPE, type -> {
			for (ValueDescriptor field : eventType.getFields()) {
				type.addField(field.getName(), fieldType(types, field), builder -> {
					if (field.isArray()) {
						builder.asArray();
					}
					annotate(builder, types, field.getAnnotationElements());
				});
			}
			annotate(type, types, eventType.getAnnotationElements());
		});
	}

	private static Type fieldType(Types types, ValueDescriptor field) {
		// The writer's predefined types (java.lang.Thread, jdk.types.StackTrace) use the JDK's names.
		Type type = types.getType(field.getTypeName());
		if (type == null) {
			throw new IllegalStateException("the JMC writer has no type " + field.getTypeName() + " for field "
					+ field.getName());
		}
		return type;
	}

	private static void annotate(AnnotatedElementBuilder<?> target, Types types, List<AnnotationElement> annotations) {
		for (AnnotationElement annotation : annotations) {
			if (!annotation.getTypeName().equals(Name.class.getName())) { // the name is the type's or field's own
				Type type = annotationType(types, annotation);
				target.addAnnotation(type, value -> putValues(value, type, annotation));
			}
		}
	}

	/** The annotation's type, declared with its own meta-annotations (ContentType makes a unit). */
	private static Type annotationType(Types types, AnnotationElement annotation) {
		return types.getOrAdd(annotation.getTypeName(), ANNOTATION_SUPERTYPE, type -> {
			for (ValueDescriptor element : annotation.getValueDescriptors()) {
				Types.Builtin builtin = Types.Builtin.ofName(element.getTypeName());
				if (builtin == null) {
					throw new IllegalStateException("annotation " + annotation.getTypeName() + " has element "
							+ element.getName() + " of type " + element.getTypeName() + ", not supported");
				}
				if (element.isArray()) {
					type.addField(element.getName(), builtin, field -> field.asArray());
				} else {
					type.addField(element.getName(), builtin);
				}
			}
			annotate(type, types, annotation.getAnnotationElements());
		});
	}

	/**
	 * Puts a value for every element the annotation type declares in the file. The writer's
	 * predefined {@code jdk.jfr.Unsigned} declares a {@code value} that the JDK's does not, and the
	 * JDK's parser rejects an annotation with a missing value, so such an element gets "".
	 */
	private static void putValues(TypedValueBuilder target, Type type, AnnotationElement annotation) {
		for (TypedField element : type.getFields()) {
			String name = element.getName();
			Object value = annotation.hasValue(name) ? annotation.getValue(name) : "";
			if (value instanceof String text) {
				target.putField(name, text);
			} else if (value instanceof String[] texts) {
				if (texts.length > 0) { // the writer miscounts the attributes of an empty array
					target.putField(name, texts);
				}
			} else if (value instanceof Boolean flag) {
				target.putField(name, flag.booleanValue());
			} else if (value instanceof Long number) {
				target.putField(name, number.longValue());
			} else if (value instanceof Integer number) {
				target.putField(name, number.intValue());
			} else {
				throw new IllegalStateException("annotation " + annotation.getTypeName() + " value " + value
						+ " is not supported");
			}
		}
	}
}
