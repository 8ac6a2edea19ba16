package io.github.tcptracer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A PrintStream that keeps what was printed, like the one Main gives a command. */
final class Captured {
	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
	final PrintStream stream = new PrintStream(bytes, false, StandardCharsets.UTF_8);

	String text() {
		stream.flush();
		return bytes.toString(StandardCharsets.UTF_8);
	}
}
