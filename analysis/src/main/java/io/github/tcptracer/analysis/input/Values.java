package io.github.tcptracer.analysis.input;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IUnit;

/**
 * Converts the values JMC's parser produces into plain longs and strings. Fields are matched by
 * name only, not by content type, so a file whose writer annotated a field differently (the JMC
 * writer in the recorder against jdk.jfr in the agent) still reads: a quantity of the expected
 * kind is converted to the expected unit, any other number is taken as it is.
 */
final class Values {
	private Values() {
	}

	static long toLong(Object[] values, int slot, IUnit unit, long absent) {
		if (slot < 0) {
			return absent;
		}
		Object value = values[slot];
		if (value instanceof IQuantity quantity) {
			// The parser gives almost every value in the unit asked for: skip JMC's unit conversion then.
			if (unit == null || quantity.getUnit() == unit) {
				return quantity.longValue();
			}
			if (quantity.getUnit().getContentType().equals(unit.getContentType())) {
				return quantity.clampedLongValueIn(unit);
			}
			return quantity.longValue();
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		return absent;
	}

	static String toText(Object[] values, int slot) {
		if (slot < 0 || values[slot] == null) {
			return "";
		}
		return values[slot].toString();
	}
}
