package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.Attribution;
import io.github.tcptracer.capture.TcpEvent;
import io.github.tcptracer.capture.TcpEventType;
import io.github.tcptracer.cli.BccLineFormat;
import io.github.tcptracer.jfr.TcpConnectEvent;
import io.github.tcptracer.jfr.TcpEventNames;
import io.github.tcptracer.jfr.TcpTracerStatisticsEvent;
import io.github.tcptracer.recorder.KernelClock;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the statistics event says of events that reached the recording while their lines did not. */
class RecordingSinkTest {
	private static final int EVENTS = 25;

	@Test
	void linesThatCannotBeWrittenAreNotDroppedEvents(@TempDir Path directory) throws Exception {
		List<String> warnings = new CopyOnWriteArrayList<>();
		CountDownLatch failed = new CountDownLatch(1);
		LineWriter lines = LineWriter.open(Path.of("/dev/full"), new BccLineFormat(false, false, false), warning -> {
			warnings.add(warning);
			failed.countDown();
		});
		assertTrue(failed.await(10, TimeUnit.SECONDS), "writing the header to /dev/full fails");
		Path file = directory.resolve("sink.jfr");
		try (Recording recording = new Recording()) {
			recording.enable(TcpConnectEvent.class);
			recording.enable(TcpTracerStatisticsEvent.class);
			recording.start();
			RecordingSink sink = new RecordingSink(KernelClock.now(), 4242, null, lines);
			for (int i = 0; i < EVENTS; i++) {
				sink.accept(connect(i));
			}
			sink.commitStatistics(0);
			recording.stop();
			recording.dump(file);
		} finally {
			lines.close();
		}

		List<RecordedEvent> events = RecordingFile.readAllEvents(file);
		assertEquals(EVENTS, events.stream().filter(event -> event.getEventType().getName()
				.equals(TcpEventNames.CONNECT)).count());
		RecordedEvent statistics = events.stream().filter(event -> event.getEventType().getName()
				.equals(TcpEventNames.STATISTICS)).findFirst().orElseThrow();
		assertEquals(EVENTS, statistics.getLong("connects"));
		assertEquals(0, statistics.getLong("droppedEvents"), "every event is in the recording");
		assertEquals(List.of("cannot write lines to /dev/full: No space left on device; recordings get the events all"
				+ " the same"), warnings);
	}

	private static TcpEvent connect(int n) {
		long now = System.nanoTime();
		return new TcpEvent(TcpEventType.CONNECT, now, 4242, 4243, 0, "app", Attribution.CALLER, 4, "127.0.0.1",
				40000 + n, "127.0.0.1", 8080, 1, now - 1000, 0, 0, 0);
	}
}
