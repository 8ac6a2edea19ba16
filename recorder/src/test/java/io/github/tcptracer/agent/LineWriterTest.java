package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tcptracer.capture.Attribution;
import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpEventType;
import io.github.tcptracer.cli.BccLineFormat;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineWriterTest {
	@Test
	void aFileThatFallsBehindIsToldOnceAndNeverWaitedFor(@TempDir Path directory) throws Exception {
		// A pipe whose reader does not read: the writer thread blocks once the pipe is full.
		Path fifo = directory.resolve("fifo");
		assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
		CompletableFuture<InputStream> reader = CompletableFuture.supplyAsync(() -> {
			try {
				return new FileInputStream(fifo.toFile());
			} catch (java.io.IOException e) {
				throw new IllegalStateException(e);
			}
		});
		List<String> warnings = new CopyOnWriteArrayList<>();
		LineWriter lines = LineWriter.open(fifo, new BccLineFormat(false, false, false), warnings::add);
		try (InputStream unread = reader.get(10, TimeUnit.SECONDS)) {
			long now = System.nanoTime();
			TcpEvent event = new TcpEvent(TcpEventType.ACCEPT, now, 1, 1, 0, "app", Attribution.CALLER, 4,
					"127.0.0.1", 8080, "127.0.0.1", 40000, 1, 0, 0, 0, 0);
			for (int i = 0; i < LineWriter.QUEUE_CAPACITY * 4; i++) {
				lines.offer(event); // more than the pipe and the queue hold
			}
			assertEquals(List.of("lines to " + fifo + " fall behind and some are left out; recordings get every event"),
					warnings);
		} finally {
			lines.close(); // the reader is gone: the writer thread fails and ends
		}
	}
}
