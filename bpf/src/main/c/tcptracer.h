/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The one layout shared by the BPF program and user space.
 * Java decodes it in io.github.tcptracer.capture.EventLayout: keep the two in step
 * (the _Static_assert below and EventLayoutTest guard the size).
 */
#ifndef TCPTRACER_H
#define TCPTRACER_H

#define TASK_COMM_LEN 16

enum event_type {
	EVENT_CONNECT = 1,        /* actively opened socket reached ESTABLISHED */
	EVENT_ACCEPT = 2,         /* accept()/accept4() returned an established socket */
	EVENT_CLOSE = 3,          /* an established socket left ESTABLISHED/CLOSE_WAIT */
	EVENT_CONNECT_FAILED = 4, /* SYN_SENT -> CLOSE: refused, timed out or aborted */
};

/* How the task fields of an event were found. */
enum attribution {
	ATTR_CURRENT_TASK = 0,   /* the task that made the call (connect/accept/close) */
	ATTR_CONNECTION_OWNER = 1, /* no task made it (RST, timeout): the task of the connection's
				     connect/accept (user space fills it in) */
	ATTR_UNKNOWN = 2,        /* no task made it: the kernel sends this, user space replaces it
				     when it saw the connection open */
};

struct event {
	__u64 ts_ns;          /* bpf_ktime_get_ns(): CLOCK_MONOTONIC */
	__u64 start_ns;       /* connect/failed: SYN_SENT time; close: 0 (user space sets the
			       * time of the connection's connect/accept event) */
	__u64 bytes_acked;    /* close: tcp_sock.bytes_acked (bytes sent and acknowledged; user
			       * space takes out an active open's SYN) */
	__u64 bytes_received; /* close: tcp_sock.bytes_received */
	__u8 saddr[16];       /* local address, network order; IPv4 in the first 4 bytes */
	__u8 daddr[16];       /* remote address */
	__u32 pid;            /* tgid, numbered in config.pidns_* (else the initial PID namespace) */
	__u32 tid;
	__u32 uid;
	__u32 netns;          /* network namespace inode */
	__s32 error;          /* sk_err: failed connect reason, why a close happened, or (accept)
			       * why the connection was already closed when accepted */
	__u16 sport;          /* local port, host order */
	__u16 dport;          /* remote port, host order */
	__u16 family;         /* AF_INET or AF_INET6 (the socket's family) */
	__u8 type;            /* enum event_type */
	__u8 attribution;     /* enum attribution */
	char comm[TASK_COMM_LEN];
	__u64 sock;           /* the struct sock's address: user space pairs a close with its
			       * connection's connect or accept by it (it never leaves the process) */
};

/* Read-only settings, written by user space before load (one struct: a fixed offset). */
struct config {
	__u32 pid;            /* tgid to keep; 0 = all */
	__u32 netns;          /* network namespace inode to keep; 0 = all */
	__u16 family;         /* AF_INET or AF_INET6 to keep; 0 = both */
	__u8 use_cgroup_map;  /* keep only tasks whose cgroup id is a key of cgroup_filter */
	__u8 use_mntns_map;   /* keep only tasks whose mount ns inode is a key of mntns_filter */
	__u32 handoff_mask;   /* slots of the handoffs map - 1 (a power of two - 1) */
	__u8 recover_skipped; /* make up for the changes the kernel skips handle_set_state for */
	__u32 test_spin_ns;   /* tests only: handle_set_state runs this long on a listener's close */
	/*
	 * The PID namespace (its nsfs device and inode) that numbers pid above and the events' pid
	 * and tid, and whose tasks alone pid keeps; 0 = the initial namespace (bcc's numbers). A
	 * JVM in a container knows itself only by its own namespace's numbers.
	 */
	__u64 pidns_dev;
	__u64 pidns_ino;
};

/* Index of the per-CPU counters in the "counters" map. */
enum counter {
	COUNTER_LOST = 0,      /* events dropped: the ring buffer was full, or (a connect) no
				  handoff slot was free */
	COUNTER_RECOVERED = 1, /* runs of handle_set_state the kernel skipped, seen and made up for */
	COUNTER_MAX = 2,
};

#endif
