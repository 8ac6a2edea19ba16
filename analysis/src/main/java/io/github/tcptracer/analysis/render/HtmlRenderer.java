package io.github.tcptracer.analysis.render;

import io.github.tcptracer.analysis.model.BytesSection;
import io.github.tcptracer.analysis.model.Finding;
import io.github.tcptracer.analysis.model.HistogramBin;
import io.github.tcptracer.analysis.model.InboundSection;
import io.github.tcptracer.analysis.model.LifetimeSection;
import io.github.tcptracer.analysis.model.OutboundEndpoint;
import io.github.tcptracer.analysis.model.OutboundSection;
import io.github.tcptracer.analysis.model.RecordingSection;
import io.github.tcptracer.analysis.model.TcpReport;
import io.github.tcptracer.analysis.model.Timeline;
import io.github.tcptracer.analysis.render.svg.BarList;
import io.github.tcptracer.analysis.render.svg.ColumnChart;
import io.github.tcptracer.analysis.render.svg.Series;
import io.github.tcptracer.analysis.render.svg.TimeChart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.owasp.encoder.Encode;

/**
 * The report as one self-contained HTML file: inline CSS, charts as inline SVG, no script. Its
 * Content-Security-Policy forbids any other resource, so the page cannot reach the network even
 * if something in it tried to.
 */
public final class HtmlRenderer implements ReportRenderer {
	static final String CHART_TIMELINE = "chart-connections-over-time";
	static final String CHART_LIFETIMES = "chart-lifetime-histogram";
	static final String CHART_ENDPOINTS = "chart-top-endpoints";
	private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
	private static final String STYLESHEET = stylesheet();

	@Override
	public void render(TcpReport report, Writer out) throws IOException {
		HtmlWriter html = new HtmlWriter(out);
		html.raw("<!DOCTYPE html>");
		html.raw("<html lang=\"en\"><head><meta charset=\"utf-8\">");
		html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">");
		html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
		html.element("title", "tcptracer report: " + String.join(", ", report.recording().files()));
		html.raw("<style>" + STYLESHEET + "</style></head><body>");
		html.element("h1", "tcptracer report");
		recording(html, report.recording());
		if (report.hasConnectionEvents()) {
			findings(html, report.findings());
			timeline(html, report);
			outbound(html, report.outbound());
			inbound(html, report.inbound());
			lifetimes(html, report.lifetimes());
			bytes(html, report.bytes());
		} else {
			html.element("p", "warning", ReportSentences.NO_EVENTS);
		}
		html.element("footer", "Times are UTC. Made by tcptracer report; the JSON format has every number.");
		html.raw("</body></html>");
	}

	private static void recording(HtmlWriter html, RecordingSection recording) throws IOException {
		html.openSection("recording", "Recording");
		if (recording.warning() != null) {
			html.element("p", "warning", "Warning: " + recording.warning());
		}
		html.fields(List.of(
				new String[] {"Files", String.join(", ", recording.files())},
				new String[] {"Recorded", ReportSentences.recorded(recording)},
				new String[] {"TCP events", ReportSentences.tcpEvents(recording)},
				new String[] {"Missed", ReportSentences.missed(recording)}));
		html.table("Events per type", ReportTables.eventTypes(recording));
		html.closeSection();
	}

	private static void findings(HtmlWriter html, List<Finding> findings) throws IOException {
		html.openSection("findings", "Findings");
		if (findings.isEmpty()) {
			html.element("p", ReportSentences.NO_FINDINGS);
		} else {
			html.raw("<ul class=\"findings\">");
			for (Finding finding : findings) {
				html.raw("<li class=\"severity-" + Encode.forHtmlAttribute(finding.severity()) + "\"><span class=\"tag\">"
						+ Encode.forHtml(finding.severity() + " " + finding.id()) + "</span>"
						+ Encode.forHtml(finding.summary()) + "</li>");
			}
			html.raw("</ul>");
		}
		html.closeSection();
	}

	private static void timeline(HtmlWriter html, TcpReport report) throws IOException {
		Timeline timeline = report.timeline();
		html.openSection("timeline", "Connections over time");
		html.raw(TimeChart.render(CHART_TIMELINE, "Connections opened over time", timeline.startEpochMillis(),
				timeline.bucketMillis(), List.of(new Series("connects", "s-connect", timeline.connects()),
						new Series("accepts", "s-accept", timeline.accepts()))));
		html.fields(List.of(
				new String[] {"Connects", ReportSentences.rate(report.outbound().rate())},
				new String[] {"Accepts", ReportSentences.rate(report.inbound().rate())}));
		html.closeSection();
	}

	private static void outbound(HtmlWriter html, OutboundSection outbound) throws IOException {
		html.openSection("outbound", ReportSentences.outboundHeading(outbound));
		List<OutboundEndpoint> endpoints = outbound.endpoints();
		if (!endpoints.isEmpty()) {
			html.element("h3", "Top endpoints");
			html.raw(BarList.render(CHART_ENDPOINTS, "Connects and failed connects per remote endpoint",
					endpoints.stream().map(e -> e.endpoint().label()).toList(),
					List.of(new Series("connects", "s-connect", endpoints.stream().map(OutboundEndpoint::connects)
							.toList()),
							new Series("failed", "s-failed", endpoints.stream().map(OutboundEndpoint::failedConnects)
									.toList()))));
		}
		html.table("Remote endpoints", ReportTables.outboundEndpoints(outbound));
		html.table("Processes", ReportTables.processes(outbound));
		html.table("Threads", ReportTables.threads(outbound));
		html.closeSection();
	}

	private static void inbound(HtmlWriter html, InboundSection inbound) throws IOException {
		html.openSection("inbound", ReportSentences.inboundHeading(inbound));
		html.table("Listening ports", ReportTables.listeningPorts(inbound));
		html.table("Remote peers", ReportTables.peers(inbound));
		html.closeSection();
	}

	private static void lifetimes(HtmlWriter html, LifetimeSection lifetimes) throws IOException {
		html.openSection("lifetimes", ReportSentences.lifetimesHeading(lifetimes));
		html.element("p", ReportSentences.knownLifetimes(lifetimes));
		List<HistogramBin> bins = lifetimes.histogram();
		html.element("h3", "Lifetime histogram");
		html.raw(ColumnChart.render(CHART_LIFETIMES, "Connections per lifetime range",
				IntStream.range(0, bins.size()).mapToObj(i -> HistogramLabels.of(bins, i)).toList(),
				bins.stream().map(HistogramBin::count).toList(), "s-lifetime"));
		html.table("Lifetimes per endpoint", ReportTables.lifetimes(lifetimes));
		html.table("Still open at the end", ReportTables.openAtEnd(lifetimes));
		html.closeSection();
	}

	private static void bytes(HtmlWriter html, BytesSection bytes) throws IOException {
		html.openSection("bytes", ReportSentences.bytesHeading(bytes));
		html.element("p", ReportSentences.bytesSource(bytes));
		html.table("Bytes per endpoint", ReportTables.bytes(bytes));
		html.closeSection();
	}

	private static String stylesheet() {
		try (InputStream in = HtmlRenderer.class.getResourceAsStream("report.css")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
