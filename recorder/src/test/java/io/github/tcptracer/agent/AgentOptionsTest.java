package io.github.tcptracer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
	@Test
	void noTextGivesTheDefaults() {
		assertEquals(AgentOptions.defaults(), AgentOptions.parse(null));
		assertEquals(AgentOptions.defaults(), AgentOptions.parse(""));
	}

	@Test
	void parsesEveryOption() {
		AgentOptions options = AgentOptions.parse("lines=/tmp/tcp.log,timestamp,verbose=true,ringbuffer=4m");
		assertEquals(new AgentOptions(Path.of("/tmp/tcp.log"), true, true, 4 << 20), options);
	}

	@Test
	void formatParsesBack() {
		AgentOptions options = new AgentOptions(Path.of("/var/log/tcp.log"), true, false, 65536);
		assertEquals(options, AgentOptions.parse(options.format()));
	}

	@Test
	void sizesTakeUnits() {
		assertEquals(8192, AgentOptions.parse("ringbuffer=8k").ringBufferBytes());
		assertEquals(1 << 20, AgentOptions.parse("ringbuffer=1048576").ringBufferBytes());
	}

	@Test
	void badOptionsSayWhatIsAccepted() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("ringbufer=4m"))
				.getMessage().contains("unknown agent option 'ringbufer'; options: lines=FILE"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("ringbuffer=3000"))
				.getMessage().startsWith("agent option ringbuffer: ring buffer size must be a power of two"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("ringbuffer=lots"))
				.getMessage().startsWith("agent option ringbuffer: not a size: lots"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("verbose=yes"))
				.getMessage().startsWith("agent option verbose: not true or false: 'yes'"));
	}

	@Test
	void aSizeTooLargeForALongIsRefusedNotWrappedAround() {
		// 2^44 + 1 MiB is 2^64 + 2^20 bytes, which a long multiplication wraps around to 1 MiB
		assertEquals("agent option ringbuffer: too large: 17592186044417m; options: " + AgentOptions.SYNTAX,
				assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("ringbuffer=17592186044417m"))
						.getMessage());
		assertEquals("agent option ringbuffer: too large: 4096m; options: " + AgentOptions.SYNTAX,
				assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("ringbuffer=4096m"))
						.getMessage());
	}

	@Test
	void anOptionWithoutANameSaysSo() {
		assertEquals("agent option without a name: '=' in '='; options: " + AgentOptions.SYNTAX,
				assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("=")).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("timestamp,=4m"))
				.getMessage().startsWith("agent option without a name: '=4m' in 'timestamp,=4m'"));
	}

	@Test
	void anOptionThatTakesAValueStandingAloneAsksForIt() {
		assertEquals("agent option ringbuffer needs a value: ringbuffer=SIZE; options: " + AgentOptions.SYNTAX,
				assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("ringbuffer")).getMessage());
		assertEquals("agent option lines needs a value: lines=FILE; options: " + AgentOptions.SYNTAX,
				assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("lines")).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("lines="))
				.getMessage().startsWith("agent option lines needs a value: lines=FILE"));
	}
}
