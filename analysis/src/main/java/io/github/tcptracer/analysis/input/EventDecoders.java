package io.github.tcptracer.analysis.input;

import io.github.tcptracer.jfr.TcpEventFields;
import io.github.tcptracer.jfr.TcpEventNames;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.parser.IEventSink;

/**
 * Turns the event types the analysis reads into JMC event sinks that decode into a
 * {@link CaptureBuffer}. Used by both readers: the parser extension of the command line and the
 * item collection reader of the JMC rules.
 */
final class EventDecoders {
	/** JDK socket events: their {@code host} field names the peers our events only know by address. */
	static final String SOCKET_READ = "jdk.SocketRead";
	static final String SOCKET_WRITE = "jdk.SocketWrite";
	private static final String SOCKET_HOST = "host";
	private static final String SOCKET_ADDRESS = "address";
	private static final String START_TIME = "startTime";

	/** The tracer's types and the JDK's socket types. */
	static final Set<String> TYPES = Stream.concat(TracerTypes.NAMES.stream(), Stream.of(SOCKET_READ, SOCKET_WRITE))
			.collect(Collectors.toUnmodifiableSet());

	private EventDecoders() {
	}

	/** A sink for the type, or null when the analysis does not read it. */
	static IEventSink sinkFor(String typeId, List<String> fieldIds, CaptureBuffer buffer) {
		FieldSlots slots = new FieldSlots(fieldIds);
		TcpEventKind kind = TcpEventKind.ofTypeName(typeId);
		if (kind != null) {
			return connectionSink(kind, slots, buffer);
		}
		if (typeId.equals(TcpEventNames.STATISTICS)) {
			return statisticsSink(slots, buffer);
		}
		if (typeId.equals(SOCKET_READ) || typeId.equals(SOCKET_WRITE)) {
			return hostSink(slots, buffer);
		}
		return null;
	}

	private static IEventSink connectionSink(TcpEventKind kind, FieldSlots slots, CaptureBuffer buffer) {
		int address = slots.of(TcpEventFields.ADDRESS);
		int port = slots.of(TcpEventFields.PORT);
		int localAddress = slots.of(TcpEventFields.LOCAL_ADDRESS);
		int localPort = slots.of(TcpEventFields.LOCAL_PORT);
		int pid = slots.of(TcpEventFields.PID);
		int tid = slots.of(TcpEventFields.TID);
		int command = slots.of(TcpEventFields.COMMAND);
		int kernelTime = slots.of(TcpEventFields.KERNEL_TIME);
		int kernelNanos = slots.of(TcpEventFields.KERNEL_NANOS);
		int startTime = slots.of(START_TIME);
		int lifetime = slots.of(TcpEventFields.LIFETIME);
		int bytesSent = slots.of(TcpEventFields.BYTES_SENT);
		int bytesReceived = slots.of(TcpEventFields.BYTES_RECEIVED);
		int error = slots.of(TcpEventFields.ERROR);
		return new IEventSink() {
			private TcpEvent last = new TcpEvent(kind, "", 0, "", 0, 0, 0, "", 0, 0, 0, 0, 0, "");

			@Override
			public void addEvent(Object[] values) {
				// The kernel's clock; in an agent's recording startTime is only the commit time, the
				// fallback for a writer that left the kernel fields out.
				long millis = Values.toLong(values, kernelTime, UnitLookup.EPOCH_MS, 0);
				long nanos = Values.toLong(values, kernelNanos, null, 0);
				if (millis == 0 || nanos == 0) {
					long startNanos = Values.toLong(values, startTime, UnitLookup.EPOCH_NS, 0);
					millis = millis != 0 ? millis : Math.floorDiv(startNanos, 1_000_000L);
					nanos = nanos != 0 ? nanos : startNanos;
				}
				last = new TcpEvent(kind,
						buffer.intern(Values.toText(values, address), last.address()),
						(int) Values.toLong(values, port, UnitLookup.NUMBER_UNITY, 0),
						buffer.intern(Values.toText(values, localAddress), last.localAddress()),
						(int) Values.toLong(values, localPort, UnitLookup.NUMBER_UNITY, 0),
						(int) Values.toLong(values, pid, UnitLookup.NUMBER_UNITY, 0),
						(int) Values.toLong(values, tid, UnitLookup.NUMBER_UNITY, 0),
						buffer.intern(Values.toText(values, command), last.command()),
						millis,
						nanos,
						Values.toLong(values, lifetime, UnitLookup.NANOSECOND, TcpEvent.UNKNOWN),
						Values.toLong(values, bytesSent, UnitLookup.BYTE, TcpEvent.UNKNOWN),
						Values.toLong(values, bytesReceived, UnitLookup.BYTE, TcpEvent.UNKNOWN),
						buffer.intern(Values.toText(values, error), last.error()));
				buffer.events.add(last);
			}
		};
	}

	private static IEventSink statisticsSink(FieldSlots slots, CaptureBuffer buffer) {
		int lostEvents = slots.of(TcpEventFields.LOST_EVENTS);
		int droppedEvents = slots.of(TcpEventFields.DROPPED_EVENTS);
		return values -> buffer.statistics = buffer.statistics.plus(new StatisticsTotals(1,
				Values.toLong(values, lostEvents, null, 0),
				Values.toLong(values, droppedEvents, null, 0)));
	}

	private static IEventSink hostSink(FieldSlots slots, CaptureBuffer buffer) {
		int address = slots.of(SOCKET_ADDRESS);
		int host = slots.of(SOCKET_HOST);
		return values -> {
			String name = Values.toText(values, host);
			String ip = Values.toText(values, address);
			if (!name.isEmpty() && !ip.isEmpty() && !name.equals(ip)) {
				buffer.hostsByAddress.putIfAbsent(ip, name);
			}
		};
	}
}
