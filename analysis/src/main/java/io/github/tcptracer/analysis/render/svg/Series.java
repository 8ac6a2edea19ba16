package io.github.tcptracer.analysis.render.svg;

import java.util.List;

/** One named row of values; cssClass colours it (the page's stylesheet defines the classes). */
public record Series(String name, String cssClass, List<Long> values) {
	long max() {
		return values.stream().mapToLong(Long::longValue).max().orElse(0);
	}
}
