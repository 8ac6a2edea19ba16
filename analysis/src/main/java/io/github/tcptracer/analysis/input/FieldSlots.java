package io.github.tcptracer.analysis.input;

import java.util.List;

/** Where each field sits in an event's value array, looked up once per event type. */
final class FieldSlots {
	private final List<String> fieldIds;

	FieldSlots(List<String> fieldIds) {
		this.fieldIds = fieldIds;
	}

	/** The field's index, or -1 when the type has no such field. */
	int of(String fieldId) {
		return fieldIds.indexOf(fieldId);
	}
}
