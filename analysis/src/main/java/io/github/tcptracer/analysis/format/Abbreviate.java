package io.github.tcptracer.analysis.format;

/** Shortens names in the middle, so that both ends (an address and its port) stay readable. */
public final class Abbreviate {
	private static final String ELLIPSIS = "..";

	private Abbreviate() {
	}

	public static String middle(String text, int width) {
		if (text.length() <= width) {
			return text;
		}
		int tail = (width - ELLIPSIS.length()) / 2;
		int head = width - ELLIPSIS.length() - tail;
		return text.substring(0, head) + ELLIPSIS + text.substring(text.length() - tail);
	}
}
