package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.tcptracer.analysis.format.FileErrors;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines= file across tracing sessions: a warning once per agent, with the reason in words. */
class LinesFileTest {
	@TempDir
	Path directory;
	private final List<String> warnings = new ArrayList<>();

	@Test
	void aMissingDirectoryIsToldOnceForAllSessions() {
		Path file = directory.resolve("no/such/dir/x.log");
		LinesFile lines = new LinesFile(file, false, false, warnings::add);
		for (int session = 0; session < 3; session++) {
			assertNull(lines.open());
		}
		assertEquals(List.of("cannot write lines to " + file + ": no such directory " + directory.resolve("no/such/dir")
				+ "; recordings get the events all the same"), warnings);
	}

	@Test
	void aDirectoryIsNoFile() {
		assertNull(new LinesFile(directory, false, false, warnings::add).open());
		assertEquals(List.of("cannot write lines to " + directory + ": is a directory; recordings get the events all"
				+ " the same"), warnings);
	}

	@Test
	void permissionDeniedIsSaid() {
		// as root the test cannot be refused a file: the exception Files.newBufferedWriter throws then
		assertEquals("permission denied", FileErrors.reason(new AccessDeniedException("/var/log/x.log")));
	}

	@Test
	void eachSessionGetsAWriter() {
		LinesFile lines = new LinesFile(directory.resolve("x.log"), false, false, warnings::add);
		for (int session = 0; session < 2; session++) {
			LineWriter writer = lines.open();
			assertNotNull(writer);
			writer.close();
		}
		assertEquals(List.of(), warnings);
	}
}
