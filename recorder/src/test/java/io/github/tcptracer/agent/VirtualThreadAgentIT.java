package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tcptracer.capture.testing.BpfRequirement;
import io.github.tcptracer.jfr.TcpEventFields;
import io.github.tcptracer.jfr.TcpEventNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client on a virtual thread (JDK 21 and later): the kernel sees the carrier thread that ran its
 * system calls, and so does the agent. Its connects and closes are all recorded, each naming a
 * carrier as its Java thread, with that carrier's OS thread id and comm; the platform acceptor keeps
 * its own name.
 */
class VirtualThreadAgentIT {
	private static final Pattern CARRIER = Pattern.compile("ForkJoinPool-\\d+-worker-\\d+");
	private static final int CONNECTIONS = 5;
	private static final Set<String> CONNECTION_EVENTS = Set.of(TcpEventNames.CONNECT, TcpEventNames.ACCEPT,
			TcpEventNames.CLOSE, TcpEventNames.CONNECT_FAILED);

	@Test
	void aVirtualThreadsConnectionsAreNamedByTheirCarrier(@TempDir Path directory) throws Exception {
		Path java = ChildJvm.java(ChildJvm.JDK_25);
		BpfRequirement.require();
		Path recording = directory.resolve("virtual.jfr");
		Process child = ChildJvm.start(ChildJvm.command(java, List.of(ChildJvm.agentOption(null),
				ChildJvm.recordTo(recording)), ChildJvm.TEST_CLASSES.toString(), LoopbackTraffic.class,
				"--await-agent", AgentStatus.TRACING, "--connections", Integer.toString(CONNECTIONS),
				"--virtual-client"), directory);
		ChildJvm.Result result = ChildJvm.finish(child, directory);
		assertEquals(0, result.exitStatus(), result::toString);
		assertTrue(result.out().contains("done"), result::toString);
		int serverPort = new ExpectedTraffic(result.out()).serverPort();

		int connects = 0;
		int clientCloses = 0;
		int accepts = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String type = event.getEventType().getName();
			if (!CONNECTION_EVENTS.contains(type) || event.getInt(TcpEventFields.PORT) != serverPort
					&& event.getInt(TcpEventFields.LOCAL_PORT) != serverPort) {
				continue;
			}
			RecordedThread thread = event.getThread("javaThread");
			assertNotNull(thread, () -> "no Java thread: " + event);
			assertEquals(event.getInt(TcpEventFields.TID), thread.getOSThreadId(), () -> "tid of " + event);
			boolean byClient = event.getInt(TcpEventFields.PORT) == serverPort;
			if (byClient) {
				assertTrue(CARRIER.matcher(thread.getJavaName()).matches(), () -> "a carrier thread: " + event);
				assertEquals(thread.getJavaName().substring(0, 15), event.getString(TcpEventFields.COMMAND),
						() -> "the carrier's comm: " + event);
			} else {
				assertEquals(LoopbackTraffic.ACCEPTOR_THREAD, thread.getJavaName(), event::toString);
			}
			if (type.equals(TcpEventNames.CONNECT)) {
				connects++;
			} else if (type.equals(TcpEventNames.ACCEPT)) {
				accepts++;
			} else if (type.equals(TcpEventNames.CLOSE) && byClient) {
				clientCloses++;
			}
		}
		assertEquals(List.of(CONNECTIONS, CONNECTIONS, CONNECTIONS), List.of(connects, accepts, clientCloses),
				"connects, accepts and the client's closes");
	}
}
