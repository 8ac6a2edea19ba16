package io.github.tcptracer.agent;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.github.tcptracer.cli.Command;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/**
 * {@code tcptracer attach PID [OPTIONS]}: loads tcptracer.jar as the agent into a running JVM
 * (dynamic attach, no restart), then reports what the agent says it does. A JVM that has the
 * agent already (its status property says so) does not get it again: loading it again would
 * change nothing but make the JVM print its warning about dynamically loaded agents once more.
 */
public final class AttachCommand implements Command {
	static final String USAGE = "usage: tcptracer attach [-h] PID [OPTIONS]\n";
	private static final String HELP = USAGE + "\n"
			+ "Load the tcptracer agent into the running JVM PID: its JFR recordings then hold the TCP\n"
			+ "connects, accepts and closes of that JVM, while a recording enables them.\n\n"
			+ "  OPTIONS  the agent's options, " + AgentOptions.SYNTAX + "\n";
	private static final long STATUS_WAIT_MILLIS = 10_000;
	private static final int FIRST_JDK_WARNING_OF_DYNAMIC_AGENTS = 21;

	@Override
	public int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 1 && ("-h".equals(args[0]) || "--help".equals(args[0]))) {
			out.print(HELP);
			out.flush();
			return 0;
		}
		if (args.length < 1 || args.length > 2) {
			return usageError(err, args.length < 1 ? "the PID is missing" : "unrecognized arguments: " + args[2]);
		}
		long pid;
		AgentOptions options;
		try {
			pid = Long.parseLong(args[0]);
			options = AgentOptions.parse(args.length > 1 ? args[1] : null).withAbsoluteLines();
		} catch (NumberFormatException e) {
			return usageError(err, "PID: not a number: '" + args[0] + "'");
		} catch (IllegalArgumentException e) {
			return usageError(err, e.getMessage());
		}
		Path jar = ownJar();
		if (jar == null) {
			err.println("tcptracer attach: error: not run from tcptracer.jar, so there is no agent jar to load");
			return 1;
		}
		return attach(pid, jar, options, args.length > 1 ? args[1] : null, out, err);
	}

	private static int usageError(PrintStream err, String message) {
		err.print(USAGE);
		err.println("tcptracer attach: error: " + message);
		return 2;
	}

	/** @param optionText the options as given, null for none */
	private static int attach(long pid, Path jar, AgentOptions options, String optionText, PrintStream out,
			PrintStream err) {
		VirtualMachine vm;
		try {
			vm = VirtualMachine.attach(Long.toString(pid));
		} catch (AttachNotSupportedException | IOException e) {
			err.println("tcptracer attach: cannot attach to " + pid + ": " + e.getMessage()
					+ " (it must be a HotSpot JVM of the same user, or you root, not started with"
					+ " -XX:+DisableAttachMechanism)");
			return 1;
		}
		String jarThere = jar.toString();
		try {
			Properties before = vm.getSystemProperties();
			String loaded = before.getProperty(AgentStatus.PROPERTY);
			if (loaded != null) {
				String status = AgentStatus.STARTING.equals(AgentStatus.word(loaded)) ? awaitStatus(vm) : loaded;
				return report(pid, status, loadedBefore(optionText), out, err);
			}
			jarThere = TargetJar.pathFor(pid, jar);
			vm.loadAgent(jarThere, options.format());
			warnOfDynamicAgentWarning(before, pid, err);
			return report(pid, awaitStatus(vm), null, out, err);
		} catch (AgentLoadException | AgentInitializationException e) {
			err.println("tcptracer attach: " + pid + " refused the agent: " + e.getMessage()
					+ " (JDK 21 and later refuse it when started with -XX:-EnableDynamicAgentLoading;"
					+ " use -javaagent:" + jarThere + " instead)");
			return 1;
		} catch (TargetJar.Unavailable e) {
			err.println("tcptracer attach: cannot give " + pid + " the agent jar: " + e.getMessage());
			return 1;
		} catch (IOException e) {
			err.println("tcptracer attach: lost the connection to " + pid + ": " + e.getMessage());
			return 1;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		} finally {
			try {
				vm.detach();
			} catch (IOException ignored) {
				// the target went away: nothing to release
			}
		}
	}

	/** JEP 451: the target itself prints a warning; say that it is expected and how to avoid it. */
	private static void warnOfDynamicAgentWarning(Properties target, long pid, PrintStream err) {
		String version = target.getProperty("java.specification.version", "0");
		try {
			if (Integer.parseInt(version) >= FIRST_JDK_WARNING_OF_DYNAMIC_AGENTS) {
				err.println("tcptracer attach: note: JDK " + version + " in " + pid + " prints a warning on its"
						+ " stderr about a dynamically loaded agent; -XX:+EnableDynamicAgentLoading silences it");
			}
		} catch (NumberFormatException ignored) {
			// "1.8" and the like: older than 21
		}
	}

	/** The agent's status once it has left "starting", or the last value seen within the wait. */
	private static String awaitStatus(VirtualMachine vm) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + STATUS_WAIT_MILLIS * 1_000_000;
		String status = null;
		while (System.nanoTime() < deadline) {
			status = vm.getSystemProperties().getProperty(AgentStatus.PROPERTY);
			String word = AgentStatus.word(status);
			if (word != null && !AgentStatus.STARTING.equals(word)) {
				return status;
			}
			Thread.sleep(50);
		}
		return status;
	}

	/** The note on an agent this attach did not load: it runs as it was loaded. */
	private static String loadedBefore(String optionText) {
		return optionText == null || optionText.isBlank()
				? " (loaded before; not loaded again)"
				: " (loaded before; not loaded again, so its options stay and '" + optionText + "' was not applied)";
	}

	/** @param note what to add to the status line, null for an agent this attach loaded */
	private static int report(long pid, String status, String note, PrintStream out, PrintStream err) {
		String word = AgentStatus.word(status);
		String suffix = note == null ? "" : note;
		if (AgentStatus.FAILED.equals(word)) {
			err.println("tcptracer attach: the agent in " + pid + " " + status + suffix);
			return 1;
		}
		if (AgentStatus.TRACING.equals(word) || AgentStatus.WAITING.equals(word)) {
			out.println("tcptracer agent in " + pid + ": " + status + suffix);
			if (AgentStatus.WAITING.equals(word) && note == null) {
				out.println("It traces while a recording runs, e.g. jcmd " + pid + " JFR.start");
			}
			out.flush();
			return 0;
		}
		err.println("tcptracer attach: the agent in " + pid + " did not report in " + STATUS_WAIT_MILLIS / 1000
				+ " s (status: " + status + ")");
		return 1;
	}

	/** tcptracer.jar, which the isolated class loader gives as every class's code source. */
	private static Path ownJar() {
		CodeSource source = AttachCommand.class.getProtectionDomain().getCodeSource();
		try {
			Path path = source == null ? null : Path.of(source.getLocation().toURI());
			return path != null && path.toString().endsWith(".jar") ? path : null;
		} catch (URISyntaxException | IllegalArgumentException e) {
			return null;
		}
	}
}
