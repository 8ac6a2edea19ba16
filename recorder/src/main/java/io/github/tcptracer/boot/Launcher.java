package io.github.tcptracer.boot;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's Main-Class: runs the tcptracer command ({@code io.github.tcptracer.cli.Main}) in
 * the {@link IsolatedClassLoader}, the same way the agent runs, so both see the same classes.
 */
public final class Launcher {
	private static final String COMMAND_CLASS = "io.github.tcptracer.cli.Main";

	private Launcher() {
	}

	public static void main(String[] args) throws Throwable {
		ClassLoader loader = IsolatedClassLoader.shared();
		Thread.currentThread().setContextClassLoader(loader); // for ServiceLoader users
		try {
			Class.forName(COMMAND_CLASS, true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
		} catch (InvocationTargetException e) {
			throw e.getCause(); // as if main had been called directly
		}
	}
}
