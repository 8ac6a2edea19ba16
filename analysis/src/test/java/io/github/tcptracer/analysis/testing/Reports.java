package io.github.tcptracer.analysis.testing;

import io.github.tcptracer.analysis.ReportCommand;
import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.findings.ChurnThresholds;
import io.github.tcptracer.analysis.input.RecordingException;
import io.github.tcptracer.analysis.input.RecordingReader;
import io.github.tcptracer.analysis.model.TcpReport;
import io.github.tcptracer.analysis.report.ReportBuilder;
import io.github.tcptracer.analysis.report.ReportOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Runs the report on test recordings: as data, or as the command line would. */
public final class Reports {
	private Reports() {
	}

	public static TcpReport of(Path... files) throws RecordingException {
		return of(ChurnThresholds.DEFAULT, files);
	}

	public static TcpReport of(ChurnThresholds churn, Path... files) throws RecordingException {
		List<String> names = Arrays.stream(files).map(Path::toString).toList();
		return ReportBuilder.build(TcpAnalysis.of(RecordingReader.read(names, warning -> {
			throw new AssertionError("unexpected: " + warning);
		})), new ReportOptions(100, churn));
	}

	/** What {@code tcptracer report ARGS} prints and returns. */
	public record Run(int exitCode, String out, String err) {
	}

	public static Run command(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = ReportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
