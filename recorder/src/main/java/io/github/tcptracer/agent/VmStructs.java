package io.github.tcptracer.agent;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.HashMap;
import java.util.Map;

/**
 * HotSpot's table of field offsets for its serviceability agent: an array of entries
 * {typeName, fieldName, typeString, isStatic, offset, address} ended by a null typeName, whose
 * layout is itself exported ({@code gHotSpotVMStructEntry*Offset}, {@code *ArrayStride}).
 */
final class VmStructs {
	static final String TABLE_SYMBOL = "gHotSpotVMStructs";
	private static final int MAX_ENTRIES = 100_000; // a real table has a few thousand

	private final Map<String, Long> offsets;

	private VmStructs(Map<String, Long> offsets) {
		this.offsets = offsets;
	}

	static VmStructs read(NativeLibrary jvm) {
		Pointer table = jvm.getGlobalVariableAddress(TABLE_SYMBOL).getPointer(0);
		long typeNameAt = exported(jvm, "gHotSpotVMStructEntryTypeNameOffset");
		long fieldNameAt = exported(jvm, "gHotSpotVMStructEntryFieldNameOffset");
		long isStaticAt = exported(jvm, "gHotSpotVMStructEntryIsStaticOffset");
		long offsetAt = exported(jvm, "gHotSpotVMStructEntryOffsetOffset");
		long stride = exported(jvm, "gHotSpotVMStructEntryArrayStride");
		if (table == null) {
			throw new IllegalStateException(TABLE_SYMBOL + " is null");
		}
		Map<String, Long> offsets = new HashMap<>();
		for (int i = 0; i < MAX_ENTRIES; i++) {
			Pointer entry = table.share(i * stride);
			Pointer typeName = entry.getPointer(typeNameAt);
			if (typeName == null) {
				break;
			}
			Pointer fieldName = entry.getPointer(fieldNameAt);
			if (fieldName != null && entry.getInt(isStaticAt) == 0) {
				offsets.put(typeName.getString(0, "US-ASCII") + "::" + fieldName.getString(0, "US-ASCII"),
						entry.getLong(offsetAt));
			}
		}
		return new VmStructs(offsets);
	}

	private static long exported(NativeLibrary jvm, String symbol) {
		return jvm.getGlobalVariableAddress(symbol).getLong(0);
	}

	/** The byte offset of a non-static field, or -1 when the table has no such entry. */
	long offset(String type, String field) {
		return offsets.getOrDefault(type + "::" + field, -1L);
	}
}
