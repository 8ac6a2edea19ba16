package io.github.tcptracer.analysis.input;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.IParserStats;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.parser.IParserExtension;

/** Reads .jfr files for the report, with JMC's parser. */
public final class RecordingReader {
	private RecordingReader() {
	}

	/**
	 * Reads the files as one recording. They are parsed in one go, as JMC opens several files: a
	 * chunk found in two files (overlapping dumps of one recording) then counts once.
	 *
	 * @param warnings told of what is read only in part: a file whose last chunk is cut short
	 * @throws RecordingException when a file is missing, not a recording, cut short in its first
	 *                            chunk, or corrupt
	 */
	public static RecordingContent read(List<String> names, Consumer<String> warnings) throws RecordingException {
		List<File> files = new ArrayList<>();
		for (String name : names) {
			File file = new File(name);
			String warning = JfrFileCheck.check(file);
			if (warning != null) {
				warnings.accept(warning);
			}
			files.add(file);
		}
		TcpEventCapture capture = new TcpEventCapture();
		IItemCollection loaded;
		try {
			loaded = load(files, capture);
		} catch (CouldNotLoadRecordingException | IOException | RuntimeException e) {
			throw new RecordingException(culprit(files) + ": cannot parse JFR recording: "
					+ (e.getMessage() != null ? e.getMessage() : "corrupt (" + e.getClass().getSimpleName() + ")"), e);
		}
		Map<String, Long> eventsPerType = new HashMap<>();
		if (loaded instanceof IParserStats stats) {
			stats.forEachEventType(type -> eventsPerType.merge(type.getName(), type.getCount(), Long::sum));
		}
		TimeSpan span = TimeSpan.of(loaded.getUnfilteredTimeRanges());
		return RecordingContent.merge(names, span.startEpochNanos(), span.endEpochNanos(), eventsPerType,
				capture.buffers());
	}

	private static IItemCollection load(List<File> files, IParserExtension capture)
			throws CouldNotLoadRecordingException, IOException {
		return JfrLoaderToolkit.loadEvents(files, new ArrayList<>(List.of(capture)));
	}

	/** The file that does not parse on its own, to name it; all of them if each one does. */
	private static String culprit(List<File> files) {
		if (files.size() > 1) {
			for (File file : files) {
				try {
					load(List.of(file), new TcpEventCapture());
				} catch (CouldNotLoadRecordingException | IOException | RuntimeException e) {
					return file.toString();
				}
			}
		}
		return files.stream().map(File::toString).reduce((a, b) -> a + ", " + b).orElse("");
	}
}
