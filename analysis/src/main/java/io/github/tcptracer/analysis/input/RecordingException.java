package io.github.tcptracer.analysis.input;

/** A recording cannot be read; the message is one line fit for the user, naming the file. */
public final class RecordingException extends Exception {
	private static final long serialVersionUID = 1L;

	public RecordingException(String message) {
		super(message);
	}

	public RecordingException(String message, Throwable cause) {
		super(message, cause);
	}
}
