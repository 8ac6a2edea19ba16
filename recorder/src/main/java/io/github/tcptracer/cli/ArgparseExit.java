package io.github.tcptracer.cli;

/**
 * argparse's SystemExit: help or an error has been printed, and the command ends with this
 * status (0 after -h, 2 after a usage error).
 */
final class ArgparseExit extends Exception {
	private static final long serialVersionUID = 1L;

	private final int status;

	ArgparseExit(int status) {
		super(null, null, false, false);
		this.status = status;
	}

	int status() {
		return status;
	}
}
