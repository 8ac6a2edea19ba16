package io.github.tcptracer.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;
import jdk.jfr.Timestamp;
import jdk.jfr.Unsigned;

/**
 * Fields every TCP event carries. Names and labels follow the JDK's {@code jdk.SocketRead}
 * where they overlap ({@code address} "Remote Address", {@code port} "Remote Port").
 * Subclasses inherit the category and {@code @StackTrace(false)}: the committing thread's
 * stack says nothing about a kernel event.
 */
@Category({"Operating System", "Network", "TCP"})
@StackTrace(false)
public abstract class TcpConnectionEvent extends Event {
	@Label("Remote Address")
	@Description("IP address of the peer; IPv6 in compressed form, a v4-mapped peer as ::ffff:a.b.c.d")
	public String address;

	@Label("Remote Port")
	public int port;

	@Label("Local Address")
	public String localAddress;

	@Label("Local Port")
	@Description("Local port; for an accept, the listening port")
	public int localPort;

	@Label("IP Version")
	@Description("4 or 6: the socket's family. A dual-stack socket talking to an IPv4 peer is 6")
	public int ipVersion;

	@Label("Process ID")
	@Description("Process (thread group) id in the host pid namespace")
	public int pid;

	@Label("OS Thread ID")
	@Description("Kernel thread id of the task the event is attributed to")
	public int tid;

	@Label("Command")
	@Description("The task's kernel name (comm), at most 15 bytes; for a JVM thread, its truncated name")
	public String command;

	@Label("Java Thread")
	@Description("The Java thread with this tid, when the recording JVM itself made the call (the agent) and the"
			+ " thread still ran when the event was read; empty otherwise")
	public Thread javaThread;

	@Label("User ID")
	public int uid;

	@Label("Network Namespace")
	@Description("Inode number of the socket's network namespace, as in /proc/PID/ns/net")
	@Unsigned
	public long networkNamespace;

	@Label("Kernel Time")
	@Description("When the kernel saw the event (wall clock, millisecond precision)")
	@Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
	public long kernelTime;

	@Label("Kernel Timestamp")
	@Description("When the kernel saw the event: CLOCK_MONOTONIC nanoseconds (bpf_ktime_get_ns)")
	public long kernelNanos;
}
