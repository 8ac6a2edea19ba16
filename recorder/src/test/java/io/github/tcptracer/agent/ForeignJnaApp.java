package io.github.tcptracer.agent;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * An application with a JNA of its own (the test puts another version on its class path): it
 * calls libc through it before and after the agent has loaded its JNA, around the loopback
 * traffic of {@link LoopbackTraffic}. Prints {@code jna from JAR-URL} and
 * {@code getpid PID} twice.
 */
public final class ForeignJnaApp {
	/** The application's own binding. */
	public interface CLibrary extends Library {
		int getpid();
	}

	private ForeignJnaApp() {
	}

	public static void main(String[] args) throws Exception {
		CLibrary libc = Native.load("c", CLibrary.class);
		System.out.println("jna from " + Native.class.getProtectionDomain().getCodeSource().getLocation());
		System.out.println("getpid " + libc.getpid());
		LoopbackTraffic.main(args);
		System.out.println("getpid " + libc.getpid());
	}
}
