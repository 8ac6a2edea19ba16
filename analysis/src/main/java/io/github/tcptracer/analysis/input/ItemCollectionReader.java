package io.github.tcptracer.analysis.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.flightrecorder.parser.IEventSink;

/**
 * Reads a loaded JMC item collection, as the rules get it, into the same {@link RecordingContent}
 * as the command line: each item's fields are put back into an array in the type's field order and
 * handed to the same decoders.
 */
public final class ItemCollectionReader {
	private ItemCollectionReader() {
	}

	public static RecordingContent read(IItemCollection items) {
		List<CaptureBuffer> buffers = new ArrayList<>();
		Map<String, Long> eventsPerType = new HashMap<>();
		for (IItemIterable iterable : items) {
			eventsPerType.merge(iterable.getType().getIdentifier(), iterable.getItemCount(), Long::sum);
		}
		IItemCollection ours = items.apply(ItemFilters.type(EventDecoders.TYPES));
		for (IItemIterable iterable : ours) {
			CaptureBuffer buffer = new CaptureBuffer();
			buffers.add(buffer);
			decode(iterable, buffer);
		}
		TimeSpan span = TimeSpan.of(items.getUnfilteredTimeRanges());
		return RecordingContent.merge(List.of(), span.startEpochNanos(), span.endEpochNanos(), eventsPerType,
				buffers);
	}

	private static void decode(IItemIterable iterable, CaptureBuffer buffer) {
		IType<IItem> type = iterable.getType();
		List<String> fieldIds = new ArrayList<>();
		List<IMemberAccessor<?, IItem>> accessors = new ArrayList<>();
		for (IAccessorKey<?> key : type.getAccessorKeys().keySet()) {
			fieldIds.add(key.getIdentifier());
			accessors.add(type.getAccessor(key));
		}
		IEventSink sink = EventDecoders.sinkFor(type.getIdentifier(), fieldIds, buffer);
		Object[] values = new Object[accessors.size()];
		for (IItem item : iterable) {
			for (int i = 0; i < values.length; i++) {
				values[i] = accessors.get(i).getMember(item);
			}
			sink.addEvent(values);
		}
	}
}
