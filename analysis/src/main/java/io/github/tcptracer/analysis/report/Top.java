package io.github.tcptracer.analysis.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The report's lists: the biggest counts first, ties in a stable order, cut at the option's top. */
final class Top {
	private Top() {
	}

	/** Entries of a count map, as report rows, biggest first; equal counts keep the map's order. */
	static <K, R> List<R> of(Map<K, Long> counts, int top, BiFunction<K, Long, R> row) {
		return counts.entrySet().stream()
				.sorted(Map.Entry.<K, Long>comparingByValue().reversed())
				.limit(top)
				.map(e -> row.apply(e.getKey(), e.getValue()))
				.toList();
	}

	static <T> List<T> of(List<T> items, int top, Comparator<T> biggestFirst) {
		return items.stream().sorted(biggestFirst).limit(top).toList();
	}
}
