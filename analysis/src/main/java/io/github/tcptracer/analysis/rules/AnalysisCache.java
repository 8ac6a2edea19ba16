package io.github.tcptracer.analysis.rules;

import io.github.tcptracer.analysis.connections.TcpAnalysis;
import io.github.tcptracer.analysis.input.ItemCollectionReader;
import java.util.Map;
import java.util.WeakHashMap;
import org.openjdk.jmc.common.item.IItemCollection;

/**
 * One analysis per loaded recording, shared by the four rules, which JMC evaluates one after
 * another or in parallel on the same item collection. Weak keys: the cache lets go of a recording
 * when JMC does. Collections compare by identity (JMC does not override equals).
 */
final class AnalysisCache {
	private static final Map<IItemCollection, TcpAnalysis> ANALYSES = new WeakHashMap<>();

	private AnalysisCache() {
	}

	static synchronized TcpAnalysis of(IItemCollection items) {
		return ANALYSES.computeIfAbsent(items, loaded -> TcpAnalysis.of(ItemCollectionReader.read(loaded)));
	}
}
