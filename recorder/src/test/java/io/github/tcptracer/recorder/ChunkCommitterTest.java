package io.github.tcptracer.recorder;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed append is reported, naming the file, on the next check and on close. */
class ChunkCommitterTest {
	@TempDir
	Path dir;

	@Test
	void aFailedAppendIsReported() throws Exception {
		Path path = dir.resolve("tcp.jfr");
		ChunkedFile file = ChunkedFile.create(path);
		ChunkCommitter committer = new ChunkCommitter(file);
		file.close(); // every append now fails
		committer.commit(JfrChunk.open(System.nanoTime(), KernelClock.now()), System.nanoTime() + 1);
		IOException failure = assertThrows(IOException.class, committer::close);
		assertTrue(failure.getMessage().startsWith("cannot write " + path), failure.getMessage());
		assertThrows(IOException.class, committer::throwFailure);
	}
}
