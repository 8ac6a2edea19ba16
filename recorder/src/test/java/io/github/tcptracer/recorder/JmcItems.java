package io.github.tcptracer.recorder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

/** A recording as the JMC core parser reads it: events of a type as field-name-to-value maps. */
final class JmcItems {
	private final IItemCollection items;

	private JmcItems(IItemCollection items) {
		this.items = items;
	}

	static JmcItems load(Path file) throws IOException, CouldNotLoadRecordingException {
		return new JmcItems(JfrLoaderToolkit.loadEvents(file.toFile()));
	}

	/** Every event of {@code typeName}, each as its fields' values (IQuantity, String, IMCThread...). */
	List<Map<String, Object>> events(String typeName) {
		List<Map<String, Object>> events = new ArrayList<>();
		for (IItemIterable iterable : items) {
			if (!iterable.getType().getIdentifier().equals(typeName)) {
				continue;
			}
			for (IItem item : iterable) {
				Map<String, Object> fields = new LinkedHashMap<>();
				for (IAccessorKey<?> key : iterable.getType().getAccessorKeys().keySet()) {
					IMemberAccessor<?, IItem> accessor = iterable.getType().getAccessor(key);
					fields.put(key.getIdentifier(), accessor.getMember(item));
				}
				events.add(fields);
			}
		}
		return events;
	}

	long count(String typeName) {
		return events(typeName).size();
	}

	/** Whether the recording declares the type (it may have no events). */
	boolean hasType(String typeName) {
		for (IItemIterable iterable : items) {
			if (iterable.getType().getIdentifier().equals(typeName)) {
				return true;
			}
		}
		return false;
	}
}
