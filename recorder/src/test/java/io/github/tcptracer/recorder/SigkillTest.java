package io.github.tcptracer.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.jfr.TcpEventNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorder killed with SIGKILL leaves a file that opens and holds every chunk written before. */
class SigkillTest {
	private static final long FLUSH_MILLIS = 100;
	private static final int CHUNKS_BEFORE_KILL = 3;

	@TempDir
	Path dir;

	@Test
	void theFileOpensWithEveryCompleteChunk() throws Exception {
		Path file = dir.resolve("tcp.jfr");
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Process recorder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classPath, RecordUntilKilled.class.getName(), file.toString(), String.valueOf(FLUSH_MILLIS))
				.redirectErrorStream(true).start();
		try {
			BufferedReader output = new BufferedReader(new InputStreamReader(recorder.getInputStream()));
			assertEquals("recording", output.readLine());
			int growths = 0;
			long size = 0;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (growths < CHUNKS_BEFORE_KILL && System.nanoTime() < deadline) {
				long now = Files.size(file);
				if (now != size) {
					growths++;
					size = now;
				}
				Thread.sleep(5);
			}
			assertEquals(CHUNKS_BEFORE_KILL, growths, "the recorder wrote chunks");
			Thread.sleep(FLUSH_MILLIS / 2); // mid-chunk
		} finally {
			recorder.destroyForcibly(); // SIGKILL
			assertTrue(recorder.waitFor(10, TimeUnit.SECONDS));
		}
		assertEquals(137, recorder.exitValue(), "killed by SIGKILL");

		List<RecordedEvent> read = RecordingFile.readAllEvents(file);
		List<Integer> ports = read.stream().filter(e -> e.hasField("localPort")).map(e -> e.getInt("localPort"))
				.sorted().toList();
		for (int n = 0; n < ports.size(); n++) {
			assertEquals(10000 + n, ports.get(n), "the events of whole chunks, from the first on: " + ports);
		}
		List<RecordedEvent> statistics = read.stream()
				.filter(e -> e.getEventType().getName().equals(TcpEventNames.STATISTICS)).toList();
		assertTrue(statistics.size() >= CHUNKS_BEFORE_KILL, "chunks written before the kill: " + statistics.size());
		long counted = statistics.stream().mapToLong(e -> e.getLong("connects") + e.getLong("accepts")
				+ e.getLong("closes") + e.getLong("failedConnects")).sum();
		assertEquals(ports.size(), counted, "every chunk in the file is whole: its statistics count its events");

		JmcItems jmc = JmcItems.load(file);
		assertEquals(ports.size(), jmc.count(TcpEventNames.CONNECT) + jmc.count(TcpEventNames.ACCEPT)
				+ jmc.count(TcpEventNames.CLOSE) + jmc.count(TcpEventNames.CONNECT_FAILED), "JMC reads the same events");
		for (JfrTool jfr : JfrTool.installed()) {
			jfr.run("summary", file.toString());
		}
	}
}
