package io.github.tcptracer.analysis.render;

import static io.github.tcptracer.analysis.render.Column.left;
import static io.github.tcptracer.analysis.render.Column.right;

import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.model.BytesSection;
import io.github.tcptracer.analysis.model.EndpointBytes;
import io.github.tcptracer.analysis.model.EndpointLifetimes;
import io.github.tcptracer.analysis.model.InboundSection;
import io.github.tcptracer.analysis.model.LifetimeSection;
import io.github.tcptracer.analysis.model.ListeningPort;
import io.github.tcptracer.analysis.model.OpenEndpoint;
import io.github.tcptracer.analysis.model.OutboundEndpoint;
import io.github.tcptracer.analysis.model.OutboundSection;
import io.github.tcptracer.analysis.model.PeerCount;
import io.github.tcptracer.analysis.model.ProcessCount;
import io.github.tcptracer.analysis.model.RecordingSection;
import io.github.tcptracer.analysis.model.ThreadCount;
import io.github.tcptracer.jfr.TcpEventNames;
import java.util.Map;

/** The report's tables, the same in text and HTML. */
final class ReportTables {
	private ReportTables() {
	}

	/** Our event types one by one, all others summed in one row. */
	static Table eventTypes(RecordingSection recording) {
		Table table = new Table(left("Event type"), right("Events"));
		long otherEvents = 0;
		int otherTypes = 0;
		for (Map.Entry<String, Long> type : recording.eventsPerType().entrySet()) {
			if (type.getKey().startsWith(TcpEventNames.NAMESPACE + ".")) {
				table.row(type.getKey(), Units.count(type.getValue()));
			} else {
				otherEvents += type.getValue();
				otherTypes++;
			}
		}
		return table.row("other (" + otherTypes + " types)", Units.count(otherEvents));
	}

	static Table outboundEndpoints(OutboundSection outbound) {
		Table table = new Table(left("Remote endpoint"), right("Connects"), right("Failed"));
		for (OutboundEndpoint e : outbound.endpoints()) {
			table.row(e.endpoint().label(), Units.count(e.connects()), Units.count(e.failedConnects()));
		}
		return table;
	}

	static Table processes(OutboundSection outbound) {
		Table table = new Table(left("Process"), right("PID"), right("Connects"));
		for (ProcessCount p : outbound.processes()) {
			table.row(p.command(), Integer.toString(p.pid()), Units.count(p.connects()));
		}
		return table;
	}

	static Table threads(OutboundSection outbound) {
		Table table = new Table(left("Thread"), right("PID"), right("TID"), right("Connects"));
		for (ThreadCount t : outbound.threads()) {
			table.row(t.command(), Integer.toString(t.pid()), Integer.toString(t.tid()), Units.count(t.connects()));
		}
		return table;
	}

	static Table listeningPorts(InboundSection inbound) {
		Table table = new Table(left("Listening port"), right("Accepts"));
		for (ListeningPort p : inbound.listeningPorts()) {
			table.row(Integer.toString(p.port()), Units.count(p.accepts()));
		}
		return table;
	}

	static Table peers(InboundSection inbound) {
		Table table = new Table(left("Remote peer"), right("Accepts"));
		for (PeerCount p : inbound.peers()) {
			table.row(p.host() == null ? p.address() : p.address() + " (" + p.host() + ")", Units.count(p.accepts()));
		}
		return table;
	}

	static Table lifetimes(LifetimeSection lifetimes) {
		Table table = new Table(left("Endpoint"), right("Closed"), right("p50"), right("p90"), right("p99"),
				right("max"));
		for (EndpointLifetimes e : lifetimes.endpoints()) {
			table.row(e.endpoint().label(), Units.count(e.connections()), Units.duration(e.p50Nanos()),
					Units.duration(e.p90Nanos()), Units.duration(e.p99Nanos()), Units.duration(e.maxNanos()));
		}
		return table;
	}

	static Table openAtEnd(LifetimeSection lifetimes) {
		Table table = new Table(left("Still open at the end"), right("Open"), right("Oldest opened"));
		for (OpenEndpoint e : lifetimes.openAtEnd().endpoints()) {
			table.row(e.endpoint().label(), Units.count(e.open()), Units.time(e.oldestOpenedEpochMillis()));
		}
		return table;
	}

	static Table bytes(BytesSection bytes) {
		Table table = new Table(left("Endpoint"), right("Closes"), right("Sent"), right("Received"));
		for (EndpointBytes e : bytes.endpoints()) {
			table.row(e.endpoint().label(), Units.count(e.closes()), Units.bytes(e.bytesSent()),
					Units.bytes(e.bytesReceived()));
		}
		return table;
	}
}
