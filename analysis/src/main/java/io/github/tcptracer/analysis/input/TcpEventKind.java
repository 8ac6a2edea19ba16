package io.github.tcptracer.analysis.input;

import io.github.tcptracer.jfr.TcpEventNames;

/** The connection event types of the schema, by their JFR names. */
public enum TcpEventKind {
	CONNECT(TcpEventNames.CONNECT),
	ACCEPT(TcpEventNames.ACCEPT),
	CLOSE(TcpEventNames.CLOSE),
	CONNECT_FAILED(TcpEventNames.CONNECT_FAILED);

	private final String typeName;

	TcpEventKind(String typeName) {
		this.typeName = typeName;
	}

	public String typeName() {
		return typeName;
	}

	/** The kind with this JFR type name, or null for any other type. */
	public static TcpEventKind ofTypeName(String typeName) {
		for (TcpEventKind kind : values()) {
			if (kind.typeName.equals(typeName)) {
				return kind;
			}
		}
		return null;
	}

	/** Connect and accept open a connection; a close ends one. */
	public boolean opensConnection() {
		return this == CONNECT || this == ACCEPT;
	}
}
