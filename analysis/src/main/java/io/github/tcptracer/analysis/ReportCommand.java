package io.github.tcptracer.analysis;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.findings.ChurnThresholds;
import io.github.tcptracer.analysis.format.FileErrors;
import io.github.tcptracer.analysis.input.RecordingException;
import io.github.tcptracer.analysis.input.RecordingReader;
import io.github.tcptracer.analysis.model.TcpReport;
import io.github.tcptracer.analysis.render.ReportFormat;
import io.github.tcptracer.analysis.report.ReportBuilder;
import io.github.tcptracer.analysis.report.ReportOptions;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.helper.HelpScreenException;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code tcptracer report FILE.jfr [FILE.jfr ...] [--format text|json|html] [-o OUT] [--top N]}:
 * an offline report of one recording (several files are read as one).
 */
public final class ReportCommand {
	/** Exit codes: 0 report written (also for a valid recording without TCP events). */
	public static final int OK = 0;
	/** A file could not be read as a recording, or the output could not be written. */
	public static final int FAILED = 1;
	/** Wrong arguments. */
	public static final int USAGE = 2;

	private static final String FILES = "files";
	private static final String FORMAT = "format";
	private static final String OUTPUT = "output";
	private static final String TOP = "top";

	private ReportCommand() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** @param args the arguments after the verb "report" */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		ArgumentParser parser = parser();
		Namespace options;
		try {
			options = parser.parseArgs(args);
		} catch (HelpScreenException e) {
			parser.printHelp(writer(out));
			return OK;
		} catch (ArgumentParserException e) {
			// The message as one line: argparse4j's own handleError wraps it, doubling spaces.
			PrintWriter usage = writer(err);
			parser.printUsage(usage);
			usage.println("tcptracer report: error: " + e.getMessage());
			return USAGE;
		}
		List<String> files = options.getList(FILES);
		ReportFormat format = ReportFormat.valueOf(options.getString(FORMAT).toUpperCase(Locale.ROOT));
		String output = options.getString(OUTPUT);
		Path outputFile = output == null || output.equals("-") ? null : Path.of(output);
		if (outputFile != null && isOneOf(outputFile, files)) {
			err.println("tcptracer report: " + output + " is one of the recordings to read; not writing over it");
			return FAILED;
		}
		JmcLog.silence();
		try {
			TcpReport report = ReportBuilder.build(TcpAnalysis.of(RecordingReader.read(files,
					warning -> err.println("tcptracer report: warning: " + warning))),
					new ReportOptions(options.getInt(TOP), ChurnThresholds.DEFAULT));
			write(report, format, outputFile, out);
			return OK;
		} catch (RecordingException e) {
			err.println("tcptracer report: " + e.getMessage());
			return FAILED;
		} catch (IOException e) {
			err.println("tcptracer report: cannot write " + (output == null ? "the report" : output) + ": "
					+ FileErrors.reason(e));
			return FAILED;
		}
	}

	private static boolean isOneOf(Path output, List<String> files) {
		if (!Files.exists(output)) {
			return false;
		}
		for (String file : files) {
			try {
				if (Files.isSameFile(output, Path.of(file))) {
					return true;
				}
			} catch (IOException | RuntimeException e) {
				// a file that cannot be compared is not the output; reading it says what is wrong
			}
		}
		return false;
	}

	/** Writes the report; a file it could not finish is removed, unless it was there before. */
	private static void write(TcpReport report, ReportFormat format, Path output, PrintStream out)
			throws IOException {
		if (output == null) {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			format.renderer().render(report, writer);
			writer.flush();
			return;
		}
		boolean existed = Files.exists(output, LinkOption.NOFOLLOW_LINKS);
		try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
			format.renderer().render(report, writer);
		} catch (IOException e) {
			if (!existed) {
				Files.deleteIfExists(output);
			}
			throw e;
		}
	}

	/**
	 * JMC's parser logs what it skips in a damaged file through java.util.logging, two timestamped
	 * lines each on stderr; the report says in one line what it could not read. (Only in the CLI's
	 * own JVM, where the report runs.) Held: the logging framework forgets the level of a logger
	 * nobody references.
	 */
	private static final class JmcLog {
		private static final Logger LOGGER = Logger.getLogger("org.openjdk.jmc");

		static void silence() {
			LOGGER.setLevel(Level.OFF);
		}
	}

	private static ArgumentParser parser() {
		ArgumentParser parser = ArgumentParsers.newFor("tcptracer report").terminalWidthDetection(false).build()
				.description("Report on TCP connections in JFR recordings made by tcptracer or its agent.");
		parser.addArgument(FILES).metavar("FILE.jfr").nargs("+")
				.help("recording files, read as one recording");
		parser.addArgument("--format").dest(FORMAT)
				.choices(Arrays.stream(ReportFormat.values()).map(ReportFormat::optionName).toList())
				.setDefault(ReportFormat.TEXT.optionName())
				.help("text for a terminal, json for scripts, html for a browser (default: text)");
		parser.addArgument("-o", "--output").dest(OUTPUT).metavar("OUT")
				.help("write the report to OUT instead of standard output");
		parser.addArgument("--top").dest(TOP).metavar("N").type(Integer.class).choices(Arguments.range(1, 10_000))
				.setDefault(ReportOptions.DEFAULT_TOP)
				.help("entries per list: endpoints, processes, findings of a kind (default: 10)");
		return parser;
	}

	private static PrintWriter writer(PrintStream stream) {
		return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
	}
}
