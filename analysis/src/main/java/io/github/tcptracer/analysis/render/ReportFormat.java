package io.github.tcptracer.analysis.render;

import java.util.Locale;
import java.util.function.Supplier;

/** The formats of {@code tcptracer report --format}. */
public enum ReportFormat {
	TEXT(TextRenderer::new),
	JSON(JsonRenderer::new),
	HTML(HtmlRenderer::new);

	private final Supplier<ReportRenderer> renderer;

	ReportFormat(Supplier<ReportRenderer> renderer) {
		this.renderer = renderer;
	}

	public ReportRenderer renderer() {
		return renderer.get();
	}

	/** The name on the command line: "text", "json", "html". */
	public String optionName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
