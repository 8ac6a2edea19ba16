package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

class SelfMemoryTest {
	private final SelfMemory memory = SelfMemory.open();

	@Test
	void readsThisProcesssMemory() {
		try (Memory block = new Memory(16)) {
			block.setLong(0, 0x0123_4567_89ab_cdefL);
			block.setInt(8, -7);
			long at = Pointer.nativeValue(block);
			assertEquals(0x0123_4567_89ab_cdefL, memory.readLong(at));
			assertEquals(-7, memory.readInt(at + 8));
		}
	}

	@Test
	void memoryThatIsGoneReadsAsUnreadableInsteadOfCrashing() {
		// glibc maps an allocation this large on its own and unmaps it when it is freed: a plain
		// load of it afterwards would kill the JVM with SIGSEGV.
		long at;
		try (Memory block = new Memory(64L << 20)) {
			block.setLong(0, 42);
			at = Pointer.nativeValue(block);
			assertEquals(42, memory.readLong(at));
		}
		assertEquals(SelfMemory.UNREADABLE, memory.readLong(at));
		assertEquals(SelfMemory.UNREADABLE, memory.readInt(at));
		assertEquals(SelfMemory.UNREADABLE, memory.readLong(0));
		assertEquals(SelfMemory.UNREADABLE, memory.readLong(8)); // below mmap_min_addr: never mapped
	}
}
