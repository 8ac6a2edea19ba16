package io.github.tcptracer.analysis.input;

import io.github.tcptracer.jfr.TcpEventNames;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The JFR type names of the tracer's events; the report lists each of them, even when it has none. */
public final class TracerTypes {
	public static final List<String> NAMES = Stream.concat(
			Arrays.stream(TcpEventKind.values()).map(TcpEventKind::typeName), Stream.of(TcpEventNames.STATISTICS))
			.toList();

	private TracerTypes() {
	}
}
