package io.github.tcptracer.analysis.render;

import io.github.tcptracer.analysis.format.Units;
import io.github.tcptracer.analysis.model.BytesSection;
import io.github.tcptracer.analysis.model.Finding;
import io.github.tcptracer.analysis.model.HistogramBin;
import io.github.tcptracer.analysis.model.InboundSection;
import io.github.tcptracer.analysis.model.LifetimeSection;
import io.github.tcptracer.analysis.model.OutboundSection;
import io.github.tcptracer.analysis.model.RecordingSection;
import io.github.tcptracer.analysis.model.TcpReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The report for a terminal: no line longer than 80 columns. */
public final class TextRenderer implements ReportRenderer {
	private static final int BAR_WIDTH = 40;

	@Override
	public void render(TcpReport report, Writer out) throws IOException {
		TextWriter text = new TextWriter(out);
		text.line("tcptracer report");
		recording(text, report.recording());
		if (!report.hasConnectionEvents()) {
			text.line("");
			text.line(ReportSentences.NO_EVENTS);
			return;
		}
		findings(text, report.findings());
		outbound(text, report.outbound());
		inbound(text, report.inbound());
		lifetimes(text, report.lifetimes());
		bytes(text, report.bytes());
	}

	private static void recording(TextWriter text, RecordingSection recording) throws IOException {
		text.heading("Recording");
		text.field("Files", String.join(", ", recording.files()));
		text.field("Recorded", ReportSentences.recorded(recording));
		text.field("TCP events", ReportSentences.tcpEvents(recording));
		text.table(ReportTables.eventTypes(recording));
		text.field("Missed", ReportSentences.missed(recording));
		if (recording.warning() != null) {
			text.wrap(TextWriter.INDENT + "WARNING: ", recording.warning());
		}
	}

	private static void findings(TextWriter text, List<Finding> findings) throws IOException {
		text.heading("Findings");
		if (findings.isEmpty()) {
			text.line(TextWriter.INDENT + ReportSentences.NO_FINDINGS);
		}
		for (Finding finding : findings) {
			text.wrap(TextWriter.INDENT + "- ",
					finding.severity().toUpperCase(Locale.ROOT) + " " + finding.id() + ": " + finding.summary());
		}
	}

	private static void outbound(TextWriter text, OutboundSection outbound) throws IOException {
		text.heading(ReportSentences.outboundHeading(outbound));
		if (outbound.connects() + outbound.failedConnects() == 0) {
			return;
		}
		text.field("Rate", ReportSentences.rate(outbound.rate()));
		text.table(ReportTables.outboundEndpoints(outbound));
		text.tableAfterGap(ReportTables.processes(outbound));
		text.tableAfterGap(ReportTables.threads(outbound));
	}

	private static void inbound(TextWriter text, InboundSection inbound) throws IOException {
		text.heading(ReportSentences.inboundHeading(inbound));
		if (inbound.accepts() == 0) {
			return;
		}
		text.field("Rate", ReportSentences.rate(inbound.rate()));
		text.table(ReportTables.listeningPorts(inbound));
		text.tableAfterGap(ReportTables.peers(inbound));
	}

	private static void lifetimes(TextWriter text, LifetimeSection lifetimes) throws IOException {
		text.heading(ReportSentences.lifetimesHeading(lifetimes));
		text.field("Known", ReportSentences.knownLifetimes(lifetimes));
		Table endpoints = ReportTables.lifetimes(lifetimes);
		if (!endpoints.isEmpty()) {
			text.table(endpoints);
			text.tableAfterGap(histogram(lifetimes.histogram()));
		}
		text.tableAfterGap(ReportTables.openAtEnd(lifetimes));
	}

	/** The lifetime histogram as a table of '#' bars: the text report's one chart. */
	private static Table histogram(List<HistogramBin> bins) {
		long max = bins.stream().mapToLong(HistogramBin::count).max().orElse(0);
		Table table = new Table(Column.left("Lifetime"), Column.left("Connections"), Column.right(""));
		for (int i = 0; i < bins.size(); i++) {
			long count = bins.get(i).count();
			int bar = max == 0 ? 0 : (int) Math.ceil((double) BAR_WIDTH * count / max);
			table.row(HistogramLabels.of(bins, i), "#".repeat(bar), Units.count(count));
		}
		return table;
	}

	private static void bytes(TextWriter text, BytesSection bytes) throws IOException {
		text.heading(ReportSentences.bytesHeading(bytes));
		text.line(TextWriter.INDENT + ReportSentences.bytesSource(bytes));
		text.table(ReportTables.bytes(bytes));
	}
}
