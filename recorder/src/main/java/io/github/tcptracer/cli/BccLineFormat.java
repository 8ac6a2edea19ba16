package io.github.tcptracer.cli;

import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpEventType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * bcc tcptracer.py's header and event lines, character for character (trailing padding
 * included). Python's {@code %-Ns} pads by code points and {@code %.3f} rounds the exact
 * double, so both are done here rather than with String.format, which pads by UTF-16 units
 * and rounds the decimal string. Not thread-safe: it keeps the time origin. Public for the agent's
 * line file.
 */
public final class BccLineFormat {
	static final String BANNER = "Tracing TCP established connections. Ctrl-C to end.\n";

	private final boolean timestamp;
	private final boolean verbose;
	private final boolean networkNamespaceColumn;
	private boolean started;
	private long startNanos;
	/** For {@link #line}: reused, so a line costs one String and its text cache stays warm. */
	private final LineBytes single = new LineBytes(128);
	private final LinePrefixes prefixes = new LinePrefixes(this::prefix);

	/**
	 * @param timestamp              -t: the time column (seconds, or ns with -v)
	 * @param verbose                -v: type words
	 * @param networkNamespaceColumn the NETNS column (bcc: -v without -N)
	 */
	public BccLineFormat(boolean timestamp, boolean verbose, boolean networkNamespaceColumn) {
		this.timestamp = timestamp;
		this.verbose = verbose;
		this.networkNamespaceColumn = networkNamespaceColumn;
	}

	static BccLineFormat of(TraceSettings settings) {
		return new BccLineFormat(settings.timestamp(), settings.verbose(), settings.networkNamespaceColumn());
	}

	public String header() {
		StringBuilder line = new StringBuilder();
		if (timestamp) {
			pad(line, verbose ? "TIME(ns)" : "TIME(s)", verbose ? 14 : 9);
		}
		pad(line, verbose ? "TYPE" : "T", verbose ? 12 : 2).append(' ');
		pad(line, "PID", 6).append(' ');
		pad(line, "COMM", 16).append(' ');
		pad(line, "IP", 2).append(' ');
		pad(line, "SADDR", 16).append(' ');
		pad(line, "DADDR", 16).append(' ');
		pad(line, "SPORT", 6).append(' ');
		pad(line, "DPORT", verbose ? 7 : 6);
		if (networkNamespaceColumn) {
			pad(line, "NETNS", 8);
		}
		return line.append('\n').toString();
	}

	/** The event's line, or null for an event bcc has no line for (a failed connect). */
	public String line(TcpEvent event) {
		single.clear();
		return appendLine(single, event) ? single.toString() : null;
	}

	/**
	 * Appends the event's line to {@code line}; false (nothing appended) for an event bcc has no
	 * line for. For printing many lines without a String each.
	 */
	boolean appendLine(LineBytes line, TcpEvent event) {
		if (event.type() == TcpEventType.CONNECT_FAILED) {
			return false;
		}
		if (timestamp) {
			if (!started) {
				startNanos = event.timestampNanos();
				started = true;
			}
			long elapsed = event.timestampNanos() - startNanos;
			if (verbose) {
				line.number(elapsed, 14);
			} else {
				line.text(seconds(elapsed), 9);
			}
		}
		prefixes.append(line, event);
		line.number(event.localPort(), 6).append(' ');
		line.number(event.remotePort(), 6);
		if (networkNamespaceColumn) {
			line.append(' ').number(event.networkNamespace(), 8);
		}
		line.append('\n');
		return true;
	}

	/** The columns from the type to the remote address, each followed by its space. */
	private void prefix(LineBytes line, TcpEvent event) {
		line.text(verbose ? event.type().word() : event.type().letter(), verbose ? 12 : 2).append(' ');
		line.number(event.pid() & 0xffff_ffffL, 6).append(' ');
		line.text(event.command(), 16).append(' ');
		line.number(event.ipVersion(), 2).append(' ');
		address(line, event, event.localAddress()).append(' ');
		address(line, event, event.remoteAddress()).append(' ');
	}

	/** An address padded to 16, IPv6 in brackets; addresses are ASCII, so bytes are code points. */
	private static LineBytes address(LineBytes line, TcpEvent event, String address) {
		if (event.ipVersion() != 6) {
			return line.text(address, 16);
		}
		int start = line.length();
		return line.append('[').text(address, 0).append(']').spaces(start, 16);
	}

	/** Python's {@code "%.3f" % (ns / 1e9)}: the exact double rounded half-even, "-0.000" kept. */
	private static String seconds(long nanos) {
		double seconds = nanos / 1e9;
		BigDecimal rounded = new BigDecimal(seconds).setScale(3, RoundingMode.HALF_EVEN);
		String text = rounded.toPlainString();
		return seconds < 0 && rounded.signum() == 0 ? "-" + text : text;
	}

	/** Python's {@code %-Ns} for the header: left-aligned, padded with spaces to {@code width} code points. */
	private static StringBuilder pad(StringBuilder line, String text, int width) {
		line.append(text);
		for (int length = text.codePointCount(0, text.length()); length < width; length++) {
			line.append(' ');
		}
		return line;
	}
}
