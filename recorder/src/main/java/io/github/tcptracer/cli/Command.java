package io.github.tcptracer.cli;

import java.io.PrintStream;

/** One command of tcptracer.jar. */
@FunctionalInterface
public interface Command {
	/**
	 * Runs to the end and returns the exit status; never calls System.exit.
	 *
	 * @param args the command's arguments (without the command's name)
	 * @param out  standard output, block-buffered; the command flushes what it needs to
	 * @param err  standard error
	 */
	int run(String[] args, PrintStream out, PrintStream err);
}
