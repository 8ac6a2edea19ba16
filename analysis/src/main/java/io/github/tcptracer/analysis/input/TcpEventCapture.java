package io.github.tcptracer.analysis.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.openjdk.jmc.flightrecorder.parser.IEventSink;
import org.openjdk.jmc.flightrecorder.parser.IEventSinkFactory;
import org.openjdk.jmc.flightrecorder.parser.IParserExtension;
import org.openjdk.jmc.flightrecorder.parser.ValueField;

/**
 * A JMC parser extension that decodes the events the report needs as the parser reads them, and
 * keeps nothing else. The parser still counts every event type (its {@code IParserStats}), but no
 * item collection is built: on a million events that halves the time and the memory of a full
 * {@code JfrLoaderToolkit.loadEvents}. The rules, which JMC hands a loaded collection, read it with
 * {@link ItemCollectionReader} through the same decoders.
 */
final class TcpEventCapture implements IParserExtension {
	private static final IEventSink SKIP = values -> {
	};

	private final Queue<CaptureBuffer> buffers = new ConcurrentLinkedQueue<>();

	@Override
	public IEventSinkFactory getEventSinkFactory(IEventSinkFactory subFactory) {
		return new IEventSinkFactory() {
			@Override
			public IEventSink create(String identifier, String label, String[] category, String description,
					List<ValueField> dataStructure) {
				if (!EventDecoders.TYPES.contains(identifier)) {
					return SKIP;
				}
				List<String> fieldIds = dataStructure.stream().map(ValueField::getIdentifier).toList();
				// Called once per type and chunk, on the thread that parses the chunk.
				CaptureBuffer buffer = new CaptureBuffer();
				buffers.add(buffer);
				return EventDecoders.sinkFor(identifier, fieldIds, buffer);
			}

			@Override
			public void flush() {
				subFactory.flush();
			}
		};
	}

	List<CaptureBuffer> buffers() {
		return new ArrayList<>(buffers);
	}
}
