package io.github.tcptracer.cli;

import io.github.tcptracer.capture.TcpEvent;
import java.util.Arrays;

/**
 * The columns of a bcc line from the type to the remote address, kept rendered: they repeat from
 * event to event of one task and peer (only the ports change under churn), and copying them
 * costs a fraction of rendering six padded columns again.
 *
 * <p>Direct-mapped, keyed by the event whose columns a slot holds. Texts are compared by identity:
 * the decoder hands out the same String for a repeated command or address, and a different but
 * equal String only costs a render.
 */
final class LinePrefixes {
	interface Renderer {
		void render(LineBytes line, TcpEvent event);
	}

	private static final int SLOTS = 256; // power of two
	private final TcpEvent[] keys = new TcpEvent[SLOTS];
	private final byte[][] rendered = new byte[SLOTS][];
	private final LineBytes scratch = new LineBytes(256);
	private final Renderer renderer;

	LinePrefixes(Renderer renderer) {
		this.renderer = renderer;
	}

	/** Appends the event's prefix to {@code line}, rendering it only when not held. */
	void append(LineBytes line, TcpEvent event) {
		int slot = slot(event);
		TcpEvent key = keys[slot];
		if (key == null || !samePrefix(key, event)) {
			scratch.clear();
			renderer.render(scratch, event);
			rendered[slot] = Arrays.copyOf(scratch.bytes(), scratch.length());
			keys[slot] = event;
		}
		line.append(rendered[slot]);
	}

	private static int slot(TcpEvent event) {
		int hash = event.pid() * 31 + event.type().ordinal();
		hash = hash * 31 + event.command().hashCode();
		hash = hash * 31 + event.localAddress().hashCode();
		hash = hash * 31 + event.remoteAddress().hashCode();
		return (hash ^ (hash >>> 16)) & (SLOTS - 1);
	}

	private static boolean samePrefix(TcpEvent a, TcpEvent b) {
		return a.type() == b.type() && a.pid() == b.pid() && a.command() == b.command()
				&& a.ipVersion() == b.ipVersion() && a.localAddress() == b.localAddress()
				&& a.remoteAddress() == b.remoteAddress();
	}
}
