package io.github.tcptracer.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tcptracer.capture.Attribution;
import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpEventType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BccLinePrinterTest {
	private static final String HEADER =
			"T  PID    COMM             IP SADDR            DADDR            SPORT  DPORT \n";
	private static final String LINE =
			"C  42     curl             4  127.0.0.1        127.0.0.1        40000  80    \n";

	/** Stands for the stdout file descriptor: counts the writes that reach it. */
	private static final class Descriptor extends OutputStream {
		final StringBuilder written = new StringBuilder();
		int writes;
		boolean broken;

		@Override
		public void write(int b) throws IOException {
			write(new byte[] {(byte) b}, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (broken) {
				throw new IOException("Broken pipe");
			}
			writes++;
			written.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
		}
	}

	private final Descriptor descriptor = new Descriptor();
	private final BccLinePrinter printer = new BccLinePrinter(
			new PrintStream(new BufferedOutputStream(descriptor, 1 << 16), false, StandardCharsets.UTF_8),
			new BccLineFormat(false, false, false));

	@Test
	void printsBannerAndHeaderAtOnce() throws IOException {
		printer.printPreamble();
		assertEquals("Tracing TCP established connections. Ctrl-C to end.\n" + HEADER, descriptor.written.toString());
	}

	@Test
	void writesTheLinesOfAPollOnceAfterIt() throws IOException {
		printer.printPreamble();
		descriptor.writes = 0;
		printer.onEvent(connect());
		printer.onEvent(connect());
		assertEquals(0, descriptor.writes, "nothing written before the poll ends");
		printer.afterPoll(0);
		assertEquals(1, descriptor.writes);
		assertEquals(LINE + LINE, descriptor.written.substring(descriptor.written.indexOf(HEADER) + HEADER.length()));
		printer.afterPoll(0);
		assertEquals(1, descriptor.writes, "an empty poll writes nothing");
	}

	@Test
	void aFailedConnectPrintsNothing() throws IOException {
		printer.onEvent(new TcpEvent(TcpEventType.CONNECT_FAILED, 1, 42, 42, 0, "curl", Attribution.CALLER, 4,
				"127.0.0.1", 40000, "127.0.0.1", 80, 1, 0, 0, 0, 111));
		printer.afterPoll(0);
		assertEquals(0, descriptor.writes);
	}

	@Test
	void aClosedPipeEndsTheTrace() throws IOException {
		printer.printPreamble();
		descriptor.broken = true;
		printer.onEvent(connect());
		assertThrows(OutputClosedException.class, () -> printer.afterPoll(0));
		// Said once: the trace ends on it, and closing the printer then must not say it again.
		printer.onEvent(connect());
		assertDoesNotThrow(() -> printer.afterPoll(0));
		assertDoesNotThrow(printer::close);
	}

	private static TcpEvent connect() {
		return new TcpEvent(TcpEventType.CONNECT, 1, 42, 42, 0, "curl", Attribution.CALLER, 4, "127.0.0.1", 40000,
				"127.0.0.1", 80, 4026531969L, 0, 0, 0, 0);
	}
}
