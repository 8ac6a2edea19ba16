package io.github.tcptracer.analysis.render;

import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.model.BytesSection;
import io.github.tcptracer.analysis.model.InboundSection;
import io.github.tcptracer.analysis.model.LifetimeSection;
import io.github.tcptracer.analysis.model.OutboundSection;
import io.github.tcptracer.analysis.model.Rate;
import io.github.tcptracer.analysis.model.RecordingSection;

/** The report's headings and one-line summaries, the same in text and HTML. */
final class ReportSentences {
	static final String NO_EVENTS = "No TCP events in this recording.";
	static final String NO_FINDINGS = "None: no churn, failed connects, resets or lost events.";

	private ReportSentences() {
	}

	static String recorded(RecordingSection recording) {
		return Units.time(recording.startEpochMillis()) + " to " + Units.time(recording.endEpochMillis())
				+ (recording.durationMillis() == null ? ""
						: " (" + Units.duration(recording.durationMillis() * 1_000_000L) + ")");
	}

	static String tcpEvents(RecordingSection recording) {
		return Units.count(recording.connectionEvents()) + (recording.firstEventEpochMillis() == null ? ""
				: ", " + Units.time(recording.firstEventEpochMillis()) + " to "
						+ Units.time(recording.lastEventEpochMillis()));
	}

	static String missed(RecordingSection recording) {
		return Units.count(recording.lostEvents()) + " events lost in the kernel, "
				+ Units.count(recording.droppedEvents()) + " dropped in user space ("
				+ Units.count(recording.statisticsEvents()) + " statistics events)";
	}

	static String outboundHeading(OutboundSection outbound) {
		return "Outbound: " + Units.count(outbound.connects()) + " connects, "
				+ Units.count(outbound.failedConnects()) + " failed";
	}

	static String inboundHeading(InboundSection inbound) {
		return "Inbound: " + Units.count(inbound.accepts()) + " accepts";
	}

	static String rate(Rate rate) {
		return Units.rate(rate.averagePerSecond()) + " on average, peak " + Units.count(rate.peakPerSecond())
				+ " in the second from " + Units.time(rate.peakEpochMillis());
	}

	static String lifetimesHeading(LifetimeSection lifetimes) {
		return "Lifetimes: " + Units.count(lifetimes.closed()) + " closed, "
				+ Units.count(lifetimes.openAtEnd().connections()) + " still open at the end";
	}

	static String knownLifetimes(LifetimeSection lifetimes) {
		return Units.count(lifetimes.withLifetime()) + " known lifetimes; "
				+ Units.count(lifetimes.closedUnseenOpen()) + " closes of connections opened before the recording; "
				+ Units.count(lifetimes.supersededOpens()) + " opens whose close was lost";
	}

	static String bytesHeading(BytesSection bytes) {
		return "Bytes: " + Units.bytes(bytes.bytesSent()) + " sent, " + Units.bytes(bytes.bytesReceived())
				+ " received";
	}

	static String bytesSource(BytesSection bytes) {
		return "From " + Units.count(bytes.closesWithBytes()) + " close events that carry byte counts.";
	}
}
