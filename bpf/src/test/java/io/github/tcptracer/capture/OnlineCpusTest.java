package io.github.tcptracer.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The kernel's CPU list format, as in /sys/devices/system/cpu/online. */
class OnlineCpusTest {

	@Test
	void parsesRangesAndSingleCpus() {
		assertArrayEquals(new int[] {0, 1, 2, 3, 8, 10, 11}, OnlineCpus.parse("0-3,8,10-11", 64).stream().toArray());
		assertArrayEquals(new int[] {0}, OnlineCpus.parse("0", 1).stream().toArray());
	}

	@Test
	void leavesOutCpusBeyondThePossibleOnes() {
		assertArrayEquals(new int[] {0, 1}, OnlineCpus.parse("0-3", 2).stream().toArray());
	}

	@Test
	void rejectsWhatIsNotACpuList() {
		assertThrows(NumberFormatException.class, () -> OnlineCpus.parse("zero", 4));
		assertThrows(IllegalArgumentException.class, () -> OnlineCpus.parse("3-1", 4));
	}
}
