package io.github.tcptracer.analysis;

import io.github.tcptracer.analysis.testing.BenchRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Times {@code tcptracer report} on a large recording beside the JDK's {@code jfr summary} on the
 * same file, each in a fresh JVM, and prints the median wall time, the median CPU time (user +
 * system) and the peak resident memory (VmHWM), the last two sampled from /proc every 2 ms. On a
 * shared machine the wall time varies with the load, the CPU time much less.
 * Run: {@code mvn -o -pl analysis test-compile exec:exec@bench [-Dbench.events=N]}.
 */
public final class ReportBench {
	private static final int RUNS = 5;
	/** /proc/PID/stat counts CPU time in clock ticks; Linux's USER_HZ is 100 on every common platform. */
	private static final double TICKS_PER_SECOND = 100;

	private ReportBench() {
	}

	public static void main(String[] args) throws Exception {
		int events = Integer.getInteger("bench.events", 1_000_000);
		Path dir = Files.createTempDirectory("tcptracer-bench");
		Path file = dir.resolve("bench.jfr");
		long start = System.nanoTime();
		BenchRecording.write(file, events);
		System.out.printf(Locale.ROOT, "recording: %,d TCP events, %.1f MB, written in %.1f s%n", events,
				Files.size(file) / 1e6, (System.nanoTime() - start) / 1e9);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String jfr = Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
		String classPath = System.getProperty("java.class.path");
		String out = dir.resolve("report.txt").toString();
		String report = ReportCommand.class.getName();
		Map<String, List<String>> commands = new LinkedHashMap<>();
		commands.put("jfr summary", List.of(jfr, "summary", file.toString()));
		commands.put("tcptracer report", List.of(java, "-cp", classPath, report, file.toString(), "-o", out));
		commands.put("  --format json", List.of(java, "-cp", classPath, report, file.toString(), "--format", "json",
				"-o", out));
		commands.put("  -XX:+UseSerialGC", List.of(java, "-XX:+UseSerialGC", "-cp", classPath, report,
				file.toString(), "-o", out));
		commands.put("  SerialGC, C1 only", List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
				classPath, report, file.toString(), "-o", out));
		// Round robin, so that a change in the machine's load touches every command alike.
		Map<String, List<Sample>> samples = new LinkedHashMap<>();
		for (int run = 0; run < RUNS; run++) {
			for (Map.Entry<String, List<String>> command : commands.entrySet()) {
				samples.computeIfAbsent(command.getKey(), name -> new ArrayList<>())
						.add(sample(command.getKey(), command.getValue()));
			}
		}
		System.out.printf(Locale.ROOT, "%-24s %10s %10s %12s%n", "median of " + RUNS, "wall s", "cpu s",
				"peak RSS MB");
		samples.forEach((name, runs) -> System.out.printf(Locale.ROOT, "%-24s %10.2f %10.2f %12.0f%n", name,
				median(runs, Sample::seconds), median(runs, Sample::cpuSeconds),
				runs.stream().mapToDouble(Sample::peakMegabytes).max().orElse(0)));
		Files.deleteIfExists(file);
		Files.deleteIfExists(Path.of(out));
		Files.deleteIfExists(dir);
	}

	private record Sample(double seconds, double cpuSeconds, double peakMegabytes) {
	}

	private static Sample sample(String name, List<String> command) throws IOException, InterruptedException {
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		long peakKb = 0;
		long ticks = 0;
		while (process.isAlive()) {
			peakKb = Math.max(peakKb, vmHwmKb(process.pid()));
			ticks = Math.max(ticks, cpuTicks(process.pid()));
			Thread.sleep(2);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (process.exitValue() != 0) {
			throw new IllegalStateException(name + " exited with " + process.exitValue());
		}
		return new Sample(seconds, ticks / TICKS_PER_SECOND, peakKb / 1024.0);
	}

	private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
		double[] values = samples.stream().mapToDouble(value).sorted().toArray();
		return values[values.length / 2];
	}

	/** User + system CPU time so far, in clock ticks, from /proc/PID/stat; 0 once the process is gone. */
	private static long cpuTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			// Fields after the command name, which is in parentheses and may contain spaces.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		} catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	/** Peak resident set so far, from /proc/PID/status; 0 once the process is gone. */
	private static long vmHwmKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		} catch (IOException | RuntimeException e) {
			// The process ended between isAlive() and the read.
		}
		return 0;
	}
}
