package io.github.tcptracer.analysis.connections;

import io.github.tcptracer.analysis.input.TcpEvent;
import java.util.Map;
import java.util.TreeMap;

/** What the recording shows about one endpoint; filled by {@link TcpAnalysis}. */
public final class EndpointStats {
	/** The close error of a connection reset by the peer (or by this host, as seen from the peer). */
	public static final String RESET = "ECONNRESET";

	private final Endpoint endpoint;
	private long opened;
	private long firstOpenNanos = Long.MAX_VALUE;
	private long lastOpenNanos = Long.MIN_VALUE;
	private long failedConnects;
	private final Map<String, Long> failuresByError = new TreeMap<>();
	private long closes;
	private long resets;
	private long closesWithBytes;
	private long bytesSent;
	private long bytesReceived;
	private long openAtEnd;
	private long oldestOpenMillis = Long.MAX_VALUE;
	private final LongList lifetimes = new LongList();
	private Percentiles lifetimePercentiles;

	EndpointStats(Endpoint endpoint) {
		this.endpoint = endpoint;
	}

	void addFailedConnect(TcpEvent event) {
		failedConnects++;
		failuresByError.merge(event.hasError() ? event.error() : "(none)", 1L, Long::sum);
	}

	void addConnection(Connection connection) {
		if (connection.open() != null) {
			opened++;
			firstOpenNanos = Math.min(firstOpenNanos, connection.open().kernelNanos());
			lastOpenNanos = Math.max(lastOpenNanos, connection.open().kernelNanos());
		}
		if (connection.hasLifetime()) {
			lifetimes.add(connection.lifetimeNanos());
		}
		TcpEvent close = connection.close();
		if (close == null) {
			openAtEnd++;
			oldestOpenMillis = Math.min(oldestOpenMillis, connection.open().kernelTimeMillis());
			return;
		}
		closes++;
		if (RESET.equals(close.error())) {
			resets++;
		}
		if (close.bytesSent() >= 0 && close.bytesReceived() >= 0) {
			closesWithBytes++;
			bytesSent += close.bytesSent();
			bytesReceived += close.bytesReceived();
		}
	}

	public Endpoint endpoint() {
		return endpoint;
	}

	/** Connections opened (connect or accept) during the recording. */
	public long opened() {
		return opened;
	}

	/** Kernel time of the first and last open; only meaningful when {@link #opened()} > 0. */
	public long firstOpenNanos() {
		return firstOpenNanos;
	}

	public long lastOpenNanos() {
		return lastOpenNanos;
	}

	public long failedConnects() {
		return failedConnects;
	}

	public Map<String, Long> failuresByError() {
		return failuresByError;
	}

	public long closes() {
		return closes;
	}

	public long resets() {
		return resets;
	}

	public long closesWithBytes() {
		return closesWithBytes;
	}

	public long bytesSent() {
		return bytesSent;
	}

	public long bytesReceived() {
		return bytesReceived;
	}

	public long openAtEnd() {
		return openAtEnd;
	}

	/** Wall-clock open time of the oldest connection still open; only meaningful when any is. */
	public long oldestOpenMillis() {
		return oldestOpenMillis;
	}

	/** Lifetimes of its connections whose lifetime is known. */
	public Percentiles lifetimes() {
		if (lifetimePercentiles == null) {
			lifetimePercentiles = Percentiles.of(lifetimes.toArray());
		}
		return lifetimePercentiles;
	}
}
