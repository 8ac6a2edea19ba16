package io.github.tcptracer.capture;

/**
 * An expected failure to start or run the capture (privileges, missing library, bad map path,
 * kernel without BTF). The message is one line meant for the user; callers print it without a
 * stack trace.
 */
public final class CaptureException extends Exception {
	private static final long serialVersionUID = 1L;

	public CaptureException(String message) {
		super(message);
	}

	public CaptureException(String message, Throwable cause) {
		super(message, cause);
	}
}
