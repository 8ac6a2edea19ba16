package io.github.tcptracer.analysis.format;

/**
 * Shortens names in the middle, so that both ends (an address and its port) stay readable. An
 * endpoint with a host name ({@code address:port (host)}) has its port in the middle: the host
 * name is shortened first, and dropped when even that does not fit.
 */
public final class Abbreviate {
	private static final String ELLIPSIS = "..";

	private Abbreviate() {
	}

	public static String middle(String text, int width) {
		if (text.length() <= width) {
			return text;
		}
		int open = text.lastIndexOf(" (");
		if (open > 0 && text.endsWith(")")) {
			String endpoint = text.substring(0, open);
			int room = width - endpoint.length() - " ()".length();
			if (room >= ELLIPSIS.length() + 2) {
				return endpoint + " (" + cut(text.substring(open + 2, text.length() - 1), room) + ")";
			}
			return cut(endpoint, width);
		}
		return cut(text, width);
	}

	private static String cut(String text, int width) {
		if (text.length() <= width) {
			return text;
		}
		int tail = (width - ELLIPSIS.length()) / 2;
		int head = width - ELLIPSIS.length() - tail;
		return text.substring(0, head) + ELLIPSIS + text.substring(text.length() - tail);
	}
}
