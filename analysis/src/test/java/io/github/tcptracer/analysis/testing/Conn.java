package io.github.tcptracer.analysis.testing;

/**
 * The fields a test chooses for one connection: its 4-tuple and the task it belongs to. Test
 * recordings commit schema events for it with {@link TestRecording}.
 */
public record Conn(String address, int port, String localAddress, int localPort, int pid, int tid, String command) {
	public static Conn outbound(String address, int port, int localPort) {
		return new Conn(address, port, "10.9.0.1", localPort, 4242, 4243, "client");
	}

	public static Conn inbound(String peer, int peerPort, int listeningPort) {
		return new Conn(peer, peerPort, "10.9.0.1", listeningPort, 777, 778, "server");
	}

	public Conn task(int pid, int tid, String command) {
		return new Conn(address, port, localAddress, localPort, pid, tid, command);
	}
}
