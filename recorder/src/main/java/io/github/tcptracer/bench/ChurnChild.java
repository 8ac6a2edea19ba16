package io.github.tcptracer.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Main of the churn process ({@link ChurnProcess}): churns, and tells its count when asked. */
public final class ChurnChild {
	private ChurnChild() {
	}

	/** {@code bench-churn CLIENTS}: an internal command of tcptracer bench. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		try (LoopbackChurn churn = new LoopbackChurn(Integer.parseInt(args[0]), Integer.parseInt(args[0]))) {
			BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			out.println("ready");
			out.flush();
			while (requests.readLine() != null) {
				out.println(churn.connections());
				out.flush();
			}
			return 0;
		} catch (IOException | RuntimeException e) {
			err.println("tcptracer bench-churn: " + e);
			return 1;
		}
	}
}
