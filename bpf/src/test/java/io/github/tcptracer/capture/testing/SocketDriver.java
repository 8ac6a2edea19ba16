package io.github.tcptracer.capture.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Main of a child JVM that makes TCP connections when told, so a test controls exactly when a
 * process acts (after it was moved into a cgroup, say). Reads commands from stdin, one a line:
 * <ul>
 * <li>{@code connect HOST PORT} — connect, send 10 bytes, close; replies {@code ok LOCALPORT}
 * <li>{@code pair HOST} — listen on HOST, connect to it, accept, close both; replies
 * {@code ok LOCALPORT LISTENPORT}
 * <li>{@code resetpair HOST} — as {@code pair}, but the client closes with a reset (SO_LINGER 0),
 * which the accepted socket reads before it is closed; replies {@code ok LOCALPORT LISTENPORT}
 * <li>{@code refuse HOST PORT} — connect to a port nobody listens on; replies {@code ok} once refused
 * <li>{@code spin} — from now on, a thread opens and closes listening sockets without a pause
 * <li>{@code exit}
 * </ul>
 * It first prints {@code ready PID}.
 */
public final class SocketDriver {
	private SocketDriver() {
	}

	public static void main(String[] args) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		System.out.println("ready " + ProcessHandle.current().pid());
		System.out.flush();
		String line;
		while ((line = in.readLine()) != null) {
			String[] words = line.trim().split(" ");
			try {
				switch (words[0]) {
					case "connect" -> System.out.println("ok " + connect(words[1], Integer.parseInt(words[2])));
					case "pair" -> System.out.println("ok " + pair(words[1]));
					case "resetpair" -> System.out.println("ok " + resetPair(words[1]));
					case "refuse" -> System.out.println("ok " + refuse(words[1], Integer.parseInt(words[2])));
					case "spin" -> System.out.println("ok " + spin());
					case "exit" -> {
						return;
					}
					default -> System.out.println("error unknown command " + words[0]);
				}
			} catch (Exception e) {
				System.out.println("error " + e);
			}
			System.out.flush();
		}
	}

	private static int connect(String host, int port) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), 2000);
			OutputStream out = socket.getOutputStream();
			out.write(new byte[10]);
			out.flush();
			return socket.getLocalPort();
		}
	}

	private static String resetPair(String host) throws Exception {
		InetAddress address = InetAddress.getByName(host);
		try (ServerSocket server = new ServerSocket(0, 10, address)) {
			Socket client = new Socket(address, server.getLocalPort());
			try (Socket accepted = server.accept()) {
				String ports = client.getLocalPort() + " " + server.getLocalPort();
				client.setSoLinger(true, 0);
				client.close();
				try {
					if (accepted.getInputStream().read() != -1) {
						throw new IllegalStateException("data from a client that sent none");
					}
				} catch (SocketException reset) {
					// the reset arrived: the accepted socket is closed by the kernel, not by us
				}
				return ports;
			}
		}
	}

	private static String refuse(String host, int port) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getByName(host), port));
			throw new IllegalStateException("connected to " + port);
		} catch (ConnectException refused) {
			return "refused";
		}
	}

	private static String spin() {
		Thread spinner = new Thread(() -> {
			while (true) {
				try (ServerSocket listener = new ServerSocket(0)) {
					listener.getLocalPort();
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}, "spinner");
		spinner.setDaemon(true);
		spinner.start();
		return "spinning";
	}

	private static String pair(String host) throws Exception {
		InetAddress address = InetAddress.getByName(host);
		try (ServerSocket server = new ServerSocket(0, 10, address)) {
			try (Socket client = new Socket(address, server.getLocalPort()); Socket accepted = server.accept()) {
				return client.getLocalPort() + " " + server.getLocalPort();
			}
		}
	}
}
