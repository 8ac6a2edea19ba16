// SPDX-License-Identifier: GPL-2.0
/*
 * tcptracer: TCP connect, accept and close of established connections, from
 * tracepoints only (this project's kernels have no kprobes and refuse fentry).
 *
 *  - sock:inet_sock_set_state (tp_btf: no record formatting, typed sk pointer)
 *      CLOSE -> SYN_SENT          runs in connect(): remember the owner task
 *      SYN_SENT -> ESTABLISHED    softirq: emit CONNECT for the remembered owner, forget it
 *      SYN_SENT -> CLOSE          emit CONNECT_FAILED, forget the owner
 *      SYN_SENT -> SYN_RECV       a simultaneous open (both ends sent a SYN; a socket that
 *                                 connects to itself): its outcome comes from SYN_RECV
 *      SYN_RECV -> ESTABLISHED    of the caller's own socket (not a passive open's child):
 *                                 as SYN_SENT -> ESTABLISHED; to any other state, as a failure
 *      ESTABLISHED|CLOSE_WAIT -> FIN_WAIT1|LAST_ACK|CLOSE
 *                                 emit CLOSE (see on_close() for whom it names)
 *  - sock:inet_sk_error_report (tp_btf)
 *      a reset or timeout that closed a socket while the kernel skipped handle_set_state
 *      (see "Changes the kernel skips" below)
 *  - syscalls:sys_exit_accept4, sys_exit_accept
 *      walk the returned fd to its sock in the accepting task: emit ACCEPT
 *
 * build.sh compiles this file twice: with ACCEPT_BY_CASTS for kernels >= 6.2 (bpf_rdonly_cast()),
 * without it for older ones; user space loads the one the running kernel takes.
 *
 * The only kernel state is the connect() caller between SYN_SENT and the handshake's outcome.
 * Everything else that pairs events (a close's lifetime, the task of a close nobody made) is
 * done in user space with the sock address every event carries.
 *
 * Connections are keyed by the struct sock address, so IPv4, IPv6 and dual-stack
 * (v4-mapped on an AF_INET6 socket) need no per-family bookkeeping.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_endian.h>
#include "tcptracer.h"

/* Own names: vmlinux.h already carries the kernel's enums. */
#define FAMILY_INET 2
#define FAMILY_INET6 10
#define PROTO_TCP 6
#define ST_ESTABLISHED 1
#define ST_SYN_SENT 2
#define ST_SYN_RECV 3
#define ST_FIN_WAIT1 4
#define ST_CLOSE 7
#define ST_CLOSE_WAIT 8
#define ST_LAST_ACK 9
#define ST_LISTEN 10
#define ECONNRESET_ERRNO 104
#define EPIPE_ERRNO 32

_Static_assert(sizeof(struct event) == 120, "EventLayout.java expects 120 bytes");
_Static_assert(sizeof(struct config) == 40, "TcpTracer.configure() writes 40 bytes");

const volatile struct config cfg = {};

/*
 * Who called connect(), from SYN_SENT until the handshake's outcome (in softirq, where the
 * caller is not "current"). Only this handoff needs kernel state: a close nobody made is paired
 * with its connection's connect or accept event in user space, by the sock address.
 *
 * An array used as an open-addressing table keyed by the sock address, claimed and freed with
 * atomic exchanges (BPF atomics: kernel >= 5.12, clang -mcpu=v3): a hash map (LRU or not) takes
 * bucket and free-list locks on every update and delete, which cost more under churn than the
 * rest of a connection's events together.
 * A sock is looked for in HANDOFF_WAYS slots from its hash; with no slot free there, its
 * connect counts as lost. Its outcome always frees the slot, and a slot left behind (the
 * outcome's runs both skipped) is taken over once it is older than any handshake.
 */
struct handoff {
	__u64 sk;             /* 0: free */
	__u64 start_ns;       /* when connect() sent the SYN */
	__u32 pid;
	__u32 tid;
	__u32 uid;
	__u32 pad;
	char comm[TASK_COMM_LEN];
	__u64 align[2];       /* one slot per cache line */
};

_Static_assert(sizeof(struct handoff) == 64, "one slot per cache line");

#define HANDOFF_WAYS 8
/* Longer than a handshake with the default tcp_syn_retries (127 s). */
#define HANDOFF_STALE_NS (300ULL * 1000 * 1000 * 1000)

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1); /* user space: a power of two, cfg.handoff_mask + 1 */
	__type(key, __u32);
	__type(value, struct handoff);
} handoffs SEC(".maps");

/*
 * One ring buffer per online CPU (user space creates them; the first defines the entries): a
 * shared ring's lock and producer position bounce between CPUs and cost more than the rest of an
 * event.
 */
struct event_ring {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 << 20);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1); /* user space: the number of possible CPUs */
	__type(key, __u32);
	__array(values, struct event_ring);
} rings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, COUNTER_MAX);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

/* bcc's --cgroupmap layout: cgroup id -> anything. Replaced by the user's pinned map. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1);
	__type(key, __u64);
	__type(value, __u64);
} cgroup_filter SEC(".maps");

/* bcc's --mntnsmap layout: mount namespace inode -> anything. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1);
	__type(key, __u64);
	__type(value, __u32);
} mntns_filter SEC(".maps");

/*
 * The current task's tgid and tid in the PID namespace cfg names; false when the task is not in
 * it (a task of another container, or of the host).
 */
static __always_inline bool ids_in_pidns(__u32 *pid, __u32 *tid)
{
	struct bpf_pidns_info ids;

	if (bpf_get_ns_current_pid_tgid(cfg.pidns_dev, cfg.pidns_ino, &ids, sizeof(ids)))
		return false;
	*pid = ids.tgid;
	*tid = ids.pid;
	return true;
}

/* The current task's ids in cfg's PID namespace, once task_selected() had to find them. */
struct task_ids {
	__u32 pid;
	__u32 tid;
	bool found;
};

/*
 * Whether the filters keep the current task. A pid filter in a named PID namespace (the agent in
 * a container) needs the task's ids there: they go in *ids, so that its event need not make the
 * helper call again.
 */
static __always_inline bool task_selected(struct task_ids *ids)
{
	if (cfg.pid) {
		if (cfg.pidns_ino) {
			if (!ids_in_pidns(&ids->pid, &ids->tid) || ids->pid != cfg.pid)
				return false;
			ids->found = true;
		} else if ((bpf_get_current_pid_tgid() >> 32) != cfg.pid) {
			return false;
		}
	}
	if (cfg.use_cgroup_map) {
		__u64 cgid = bpf_get_current_cgroup_id();

		if (!bpf_map_lookup_elem(&cgroup_filter, &cgid))
			return false;
	}
	if (cfg.use_mntns_map) {
		struct task_struct *task = (struct task_struct *)bpf_get_current_task();
		__u64 ino = BPF_CORE_READ(task, nsproxy, mnt_ns, ns.inum);

		if (!bpf_map_lookup_elem(&mntns_filter, &ino))
			return false;
	}
	return true;
}

/* Socket-side filters: TCP, the family asked for, the network namespace asked for. */
static __always_inline bool sock_selected(__u16 family, __u32 netns)
{
	if (family != FAMILY_INET && family != FAMILY_INET6)
		return false;
	if (cfg.family && family != cfg.family)
		return false;
	if (cfg.netns && netns != cfg.netns)
		return false;
	return true;
}

/*
 * Field reads of a struct sock (or a struct reached from it). In the tp_btf program sk is a BTF
 * pointer: plain loads, which the verifier turns into fault-safe ones, cost far less than a
 * bpf_probe_read_kernel() call each. The accept path finds its sk through a probe read, so it
 * must probe too unless it can cast (below). Callers pass a constant: with __always_inline the
 * other branch is compiled out, so the verifier never sees a direct load of a probed pointer.
 */
#define SK_READ(direct, sk, field) ((direct) ? (sk)->field : BPF_CORE_READ(sk, field))

/*
 * The accept path reaches its sock through a pointer no BTF type describes (an entry of the fd
 * array). bpf_rdonly_cast() (kernel >= 6.2) makes it a BTF pointer, after which every field is a
 * plain fault-safe load; without it, each field is a bpf_probe_read_kernel() call, about 70 ns
 * more per accept here.
 */
#ifndef ACCEPT_BY_CASTS
#define ACCEPT_BY_CASTS 0
#endif
#if ACCEPT_BY_CASTS
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym;
#define KERNEL_POINTER(type, ptr) ((type *)bpf_rdonly_cast((ptr), bpf_core_type_id_kernel(type)))
#define TCP_SOCK(sk) KERNEL_POINTER(struct tcp_sock, sk)
#else
#define KERNEL_POINTER(type, ptr) ((type *)(ptr))
/* A sock whose protocol is TCP as a tcp_sock: its fields lie beyond struct sock. */
#define TCP_SOCK(sk) bpf_skc_to_tcp_sock((void *)(sk))
#endif

/*
 * The network namespace last seen on this CPU. Its inode number shares a cache line with the
 * namespace's reference count, which every socket's creation and destruction writes, so each
 * read of it is a cache miss under churn. The cookie (never reused, in a quiet line) tells a
 * namespace allocated where a freed one was apart from it.
 */
struct netns_seen {
	__u64 net;
	__u64 cookie;
	__u32 inum;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct netns_seen);
} netns_cache SEC(".maps");

static __always_inline __u32 sock_netns(const struct sock *sk, bool direct)
{
	const struct net *net = SK_READ(direct, sk, __sk_common.skc_net.net);
	__u64 cookie = SK_READ(direct, net, net_cookie);
	__u32 zero = 0;
	struct netns_seen *seen = bpf_map_lookup_elem(&netns_cache, &zero);

	if (!seen)
		return SK_READ(direct, net, ns.inum);
	if (seen->net != (__u64)net || seen->cookie != cookie) {
		seen->net = (__u64)net;
		seen->cookie = cookie;
		seen->inum = SK_READ(direct, net, ns.inum);
	}
	return seen->inum;
}

static __always_inline void count_by(__u32 index, __u64 n)
{
	__u64 *value = bpf_map_lookup_elem(&counters, &index);

	if (value)
		*value += n;
}

static __always_inline void count(__u32 index)
{
	count_by(index, 1);
}

/*
 * The current task's ids, uid and comm, all read from its task_struct after one helper call
 * (every helper call pays a call and a return through the kernel's return thunk):
 *  - pid and tid as bpf_get_current_pid_tgid() gives them (tgid and pid), or as the PID
 *    namespace user space named numbers them (cfg.pidns_ino: one helper call more, unless
 *    task_selected() made it already and put them in *ids);
 *  - the (real) uid as bpf_get_current_uid_gid() gives it, but read from the cred's
 *    user_struct: in the cred itself the uid shares its cache line with the cred's refcount,
 *    which every file opened and closed in the process rewrites, so under churn that read misses;
 *  - the comm as two plain loads, cheaper than bpf_get_current_comm(), which copies byte by
 *    byte (Java stops at the first NUL or at 16 bytes).
 */
static __always_inline void current_task(const struct task_ids *ids, __u32 *pid, __u32 *tid, __u32 *uid,
					 char comm[TASK_COMM_LEN])
{
	struct task_struct *task = bpf_get_current_task_btf();

	/* In the PID namespace user space named, when it did (and the task is in it). */
	if (ids->found) {
		*pid = ids->pid;
		*tid = ids->tid;
	} else if (!cfg.pidns_ino || !ids_in_pidns(pid, tid)) {
		*pid = task->tgid;
		*tid = task->pid;
	}
	*uid = task->cred->user->uid.val;
	*(__u64 *)comm = *(__u64 *)task->comm;
	*(__u64 *)(comm + 8) = *(__u64 *)(task->comm + 8);
}

static __always_inline void set_current_task(struct event *e, const struct task_ids *ids)
{
	current_task(ids, &e->pid, &e->tid, &e->uid, e->comm);
}

static __always_inline void set_owner_task(struct event *e, const struct handoff *h)
{
	e->pid = h->pid;
	e->tid = h->tid;
	e->uid = h->uid;
	__builtin_memcpy(e->comm, h->comm, sizeof(e->comm));
}

/*
 * The sock's address as a number to hash. The verifier allows no arithmetic on a BTF pointer but
 * one: the difference of two pointers, which it takes as a plain number (for privileged
 * programs). The other pointer is the table itself, the same for every program.
 */
static __always_inline __u64 sock_number(const struct sock *sk)
{
	return (__u64)sk - (__u64)&handoffs;
}

/* Slot of a sock's way: the top bits of a product depend on all of the address. */
static __always_inline __u32 handoff_slot(__u64 number, int way)
{
	return ((__u32)((number * 0x9E3779B97F4A7C15ULL) >> 32) + way) & cfg.handoff_mask;
}

/* The sock's slot in the handoff table, NULL when it has none. */
static __always_inline struct handoff *handoff_of(const struct sock *sk)
{
	__u64 number = sock_number(sk);

	for (int way = 0; way < HANDOFF_WAYS; way++) {
		__u32 slot = handoff_slot(number, way);
		struct handoff *h = bpf_map_lookup_elem(&handoffs, &slot);

		if (!h)
			return NULL;
		if (h->sk == (__u64)sk)
			return h;
	}
	return NULL;
}

static __always_inline void remember_current_task(const struct sock *sk, __u64 now, const struct task_ids *ids)
{
	struct handoff *claimed = NULL;
	__u64 number = sock_number(sk);

	for (int way = 0; way < HANDOFF_WAYS && !claimed; way++) {
		__u32 slot = handoff_slot(number, way);
		struct handoff *h = bpf_map_lookup_elem(&handoffs, &slot);
		__u64 held;

		if (!h)
			return;
		held = h->sk;
		/*
		 * Free, this sock's own left behind, or another's left behind. The time goes in
		 * before the exchange, so a slot being filled never looks left behind to another CPU
		 * (a race lost here leaves a time nanoseconds off in the winner's slot). Signed: a
		 * slot another CPU claimed after this program read the clock is younger than now.
		 */
		if (held == 0 || held == (__u64)sk || (__s64)(now - h->start_ns) > (__s64)HANDOFF_STALE_NS) {
			h->start_ns = now;
			if (__sync_val_compare_and_swap(&h->sk, held, (__u64)sk) == held)
				claimed = h;
		}
	}
	if (!claimed) {
		count(COUNTER_LOST); /* this connect cannot be reported */
		return;
	}
	/* The outcome reads these only after the SYN is sent, which is after this program returns. */
	current_task(ids, &claimed->pid, &claimed->tid, &claimed->uid, claimed->comm);
}

/* Reserves an event in this CPU's ring and fills the socket's tuple; NULL when the ring is full. */
static __always_inline struct event *new_event(const struct sock *sk, bool direct, __u8 type,
					       __u16 family, __u32 netns, __u64 now)
{
	__u32 cpu = bpf_get_smp_processor_id();
	void *ring = bpf_map_lookup_elem(&rings, &cpu);
	struct event *e = ring ? bpf_ringbuf_reserve(ring, sizeof(*e), 0) : NULL;

	if (!e) {
		count(COUNTER_LOST);
		return NULL;
	}
	e->ts_ns = now;
	e->start_ns = 0;
	e->bytes_acked = 0;
	e->bytes_received = 0;
	e->sock = (__u64)sk;
	e->type = type;
	e->attribution = ATTR_CURRENT_TASK;
	e->family = family;
	e->netns = netns;
	e->error = 0;
	e->dport = bpf_ntohs(SK_READ(direct, sk, __sk_common.skc_dport));
	/* skc_num is 0 once a reset connection is unhashed: fall back to inet_sport. */
	e->sport = SK_READ(direct, sk, __sk_common.skc_num);
	if (!e->sport)
		/* (rare) a BTF sock pointer cannot be read as its inet_sock: probe */
		e->sport = bpf_ntohs(BPF_CORE_READ((const struct inet_sock *)sk, inet_sport));
	if (family == FAMILY_INET) {
		__builtin_memset(e->saddr, 0, sizeof(e->saddr));
		__builtin_memset(e->daddr, 0, sizeof(e->daddr));
		*(__u32 *)e->saddr = SK_READ(direct, sk, __sk_common.skc_rcv_saddr);
		*(__u32 *)e->daddr = SK_READ(direct, sk, __sk_common.skc_daddr);
	} else {
		*(struct in6_addr *)e->saddr = SK_READ(direct, sk, __sk_common.skc_v6_rcv_saddr);
		*(struct in6_addr *)e->daddr = SK_READ(direct, sk, __sk_common.skc_v6_daddr);
	}
	return e;
}

static __always_inline void submit(struct event *e)
{
	/* No wakeup: user space drains on a short timer (a wakeup per event costs ~4 us). */
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
}

/*
 * When a connect's outcome came in. The kernel reads its clock (CLOCK_MONOTONIC, as
 * bpf_ktime_get_ns() does) into tcp_clock_cache right before it processes each segment that
 * arrives in SYN_SENT or SYN_RECV, so an established connect takes that reading, a microsecond or
 * so before the state changes: a clock read costs about 30 ns here, the most of any single step
 * of an event. A failed connect may have failed where the cache is stale (a timeout, an ICMP
 * error, the caller's close): it reads the clock.
 */
static __always_inline __u64 outcome_time(const struct sock *sk, bool direct, bool established)
{
	struct tcp_sock *tp;

	if (established) {
		if (direct) {
			tp = TCP_SOCK(sk);
			if (tp && tp->tcp_clock_cache)
				return tp->tcp_clock_cache;
		} else {
			__u64 cached = BPF_CORE_READ((const struct tcp_sock *)sk, tcp_clock_cache);

			if (cached)
				return cached;
		}
	}
	return bpf_ktime_get_ns();
}

/*
 * Reports a connect's outcome from its handoff slot, and frees the slot. Whoever takes the slot
 * from the sock reports it, once: the outcome's own run, or a scan after the kernel skipped that
 * run (recover_connects()).
 */
static __always_inline void report_outcome(const struct sock *sk, bool direct, struct handoff *h,
					   bool established, __u16 family, __u32 netns)
{
	struct event *e = new_event(sk, direct, established ? EVENT_CONNECT : EVENT_CONNECT_FAILED, family,
				    netns, outcome_time(sk, direct, established));

	if (!e) {
		__sync_val_compare_and_swap(&h->sk, (__u64)sk, 0);
		return;
	}
	set_owner_task(e, h);
	e->start_ns = h->start_ns;
	if (!established)
		e->error = SK_READ(direct, sk, sk_err);
	/* The exchange orders the reads of the slot above before another connect can claim it. */
	if (__sync_val_compare_and_swap(&h->sk, (__u64)sk, 0) == (__u64)sk)
		submit(e);
	else
		bpf_ringbuf_discard(e, BPF_RB_NO_WAKEUP);
}

static __always_inline void on_connect_done(const struct sock *sk, int newstate, __u16 family,
					    __u32 netns)
{
	struct handoff *h = handoff_of(sk);

	if (h) /* else its connect() was not traced */
		report_outcome(sk, true, h, newstate == ST_ESTABLISHED, family, netns);
}

/*
 * A close made by a process (close(), shutdown(), SO_LINGER 0) runs in its context with
 * sk_err == 0. A close nobody made (RST received, retransmission or keepalive timeout) sets
 * sk_err first and runs in softirq or timer context, often on top of the peer's thread:
 * "current" is meaningless there, so the event says so, and user space names the task of the
 * connection's connect or accept (and, with task filters, drops it when that task was not kept).
 */
static __always_inline void on_close(const struct sock *sk, int oldstate, int newstate, __u16 family,
				     __u32 netns)
{
	int err = sk->sk_err;
	bool by_process = newstate != ST_CLOSE || err == 0;
	struct task_ids ids = {};
	struct tcp_sock *tp;
	struct event *e;

	if (by_process && !task_selected(&ids))
		return;
	e = new_event(sk, true, EVENT_CLOSE, family, netns, bpf_ktime_get_ns());
	if (!e)
		return;
	if (by_process) {
		set_current_task(e, &ids);
	} else {
		e->pid = 0;
		e->tid = 0;
		e->uid = 0;
		__builtin_memset(e->comm, 0, sizeof(e->comm));
		e->attribution = ATTR_UNKNOWN;
	}
	e->error = err;
	/*
	 * Sequence space counts SYN and FIN as one byte each: take out the peer's FIN (received when
	 * closing from CLOSE_WAIT); user space takes out our SYN on an active open. Our own FIN
	 * cannot be acked yet when the connection leaves ESTABLISHED/CLOSE_WAIT. (tcp_sock fields
	 * lie beyond struct sock: a cast makes them plain loads, cheaper than a probe each.)
	 */
	tp = TCP_SOCK(sk);
	if (tp) {
		e->bytes_acked = tp->bytes_acked;
		e->bytes_received = tp->bytes_received;
	}
	if (oldstate == ST_CLOSE_WAIT && e->bytes_received)
		e->bytes_received -= 1;
	submit(e);
}

/* Whether a change can make an event: decided on the arguments alone, before any memory is touched. */
static __always_inline bool change_of_interest(int oldstate, int newstate)
{
	bool closing = (oldstate == ST_ESTABLISHED || oldstate == ST_CLOSE_WAIT) &&
		       (newstate == ST_FIN_WAIT1 || newstate == ST_LAST_ACK || newstate == ST_CLOSE);

	return newstate == ST_SYN_SENT || oldstate == ST_SYN_SENT || oldstate == ST_SYN_RECV ||
	       closing;
}

/* A change of interest: the caller checked change_of_interest(). */
static __always_inline void on_set_state(const struct sock *sk, int oldstate, int newstate)
{
	__u16 family;
	__u32 netns;

	/*
	 * Every passive open's child leaves SYN_RECV too, before accept() has given it a struct
	 * socket (its accept event comes from there). One with a socket already is either the
	 * caller's own in a simultaneous open or (TCP Fast Open) a child accepted early, which
	 * on_connect_done() does not find among the connects.
	 */
	if (oldstate == ST_SYN_RECV && !sk->sk_socket)
		return;
	if (sk->sk_protocol != PROTO_TCP)
		return;
	family = sk->__sk_common.skc_family;
	netns = sock_netns(sk, true);
	if (!sock_selected(family, netns))
		return;
	if (newstate == ST_SYN_SENT) {
		/* connect() in process context: the only moment the caller is "current". */
		struct task_ids ids = {};

		if (task_selected(&ids))
			remember_current_task(sk, bpf_ktime_get_ns(), &ids);
	} else if (oldstate == ST_SYN_SENT || oldstate == ST_SYN_RECV) {
		if (newstate != ST_SYN_RECV)
			on_connect_done(sk, newstate, family, netns);
	} else {
		on_close(sk, oldstate, newstate, family, netns);
	}
}

/*
 * Changes the kernel skips. The kernel does not run a program that is already running on its CPU,
 * and a softirq (a SYN-ACK, a reset, a timer) can arrive while handle_set_state runs for a change
 * in process context (a connect(), a close()): the change that softirq makes is not handled, and
 * only the kernel's count of the program's misses says so. A second program on the tracepoint
 * would catch each such change, but a tracepoint with two programs calls both through an indirect
 * call (a retpoline here) on every change of every socket, about 2 points of the churn bench.
 * Instead, the changes of interest a softirq can make are made up for as follows:
 *  - a connect's outcome (SYN_SENT to ESTABLISHED, or to CLOSE when it fails): its caller stays in
 *    the handoff table, so handle_set_state, when it finds at its end that the kernel skipped it
 *    on its CPU since it last looked, scans the table for sockets past SYN_SENT;
 *  - a close nobody made (a reset, a timeout): the kernel reports its error to the socket's owner
 *    (sk_error_report(), after the state change), and handle_error_report, on that tracepoint,
 *    makes up for the close when handle_set_state is running on the CPU.
 * The other changes a softirq makes are of no interest (a passive open's child, the steps after a
 * close). Both need handle_set_state's per-CPU run count and misses counter: their addresses come
 * from its struct bpf_prog, which user space puts in this array.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} watched_program SEC(".maps");

/* handle_set_state's per-CPU counters, on this CPU (one entry per CPU). */
struct skip_watch {
	__u64 scratch;     /* where a pointer is stored to be loaded back as a number */
	__u64 stats;       /* this CPU's struct bpf_prog_stats of handle_set_state */
	__u64 active;      /* this CPU's run count of handle_set_state (an int) */
	__u64 misses_seen; /* its misses when handle_set_state last looked */
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct skip_watch);
} skip_watches SEC(".maps");

static __always_inline __u64 read_kernel_u64(__u64 address)
{
	__u64 value = 0;

	bpf_probe_read_kernel(&value, sizeof(value), (const void *)address);
	return value;
}

static __always_inline __u64 misses_of(__u64 stats)
{
#if ACCEPT_BY_CASTS
	/* A cast and a plain load: this runs at the end of every run of handle_set_state. */
	return KERNEL_POINTER(struct bpf_prog_stats, (void *)stats)->misses.v.a.a.counter;
#else
	return read_kernel_u64(stats + bpf_core_field_offset(struct bpf_prog_stats, misses));
#endif
}

/*
 * This CPU's entry, its addresses found on first use. A per-CPU kernel address is the variable's
 * address plus the CPU's offset; this kernel exports no per-CPU symbols, so the offset comes from
 * the map's own per-CPU entry: its address on this CPU less the address the map allocated.
 */
static __always_inline struct skip_watch *skip_watch(void)
{
	__u32 zero = 0;
	struct skip_watch *w = bpf_map_lookup_elem(&skip_watches, &zero);
	__u64 programs, watches, program, base, active, stats;

	if (!w)
		return NULL;
	if (w->stats)
		return w;
	/*
	 * The verifier reads no entry of a map's struct and allows no arithmetic on its address, but
	 * lets a privileged program store a pointer and load it back as a number.
	 */
	w->scratch = (__u64)&watched_program;
	programs = *(volatile __u64 *)&w->scratch;
	w->scratch = (__u64)&skip_watches;
	watches = *(volatile __u64 *)&w->scratch;
	w->scratch = (__u64)w; /* this CPU's copy of the entry */
	base = read_kernel_u64(watches + bpf_core_field_offset(struct bpf_array, pptrs));
	program = read_kernel_u64(programs + bpf_core_field_offset(struct bpf_array, ptrs));
	if (!base || !program)
		return NULL; /* not installed yet */
	active = read_kernel_u64(program + bpf_core_field_offset(struct bpf_prog, active));
	stats = read_kernel_u64(program + bpf_core_field_offset(struct bpf_prog, stats));
	if (!active || !stats)
		return NULL;
	/* This CPU's offset: its copy's address less the address the map allocated. */
	w->active = active + *(volatile __u64 *)&w->scratch - base;
	w->stats = stats + *(volatile __u64 *)&w->scratch - base;
	w->misses_seen = 0; /* a skip during this first run on the CPU is seen at its end */
	return w;
}

/* This CPU's entry, once handle_set_state has found its addresses. */
static __always_inline struct skip_watch *skip_watch_found(void)
{
	__u32 zero = 0;
	struct skip_watch *w = bpf_map_lookup_elem(&skip_watches, &zero);

	return w && w->stats ? w : NULL;
}

/* Whether handle_set_state is running on this CPU: a change made now was skipped. */
static __always_inline bool watched_program_running(void)
{
	struct skip_watch *w = skip_watch_found();
	int running = 0;

	if (!w)
		return false;
	bpf_probe_read_kernel(&running, sizeof(running), (const void *)w->active);
	return running > 0;
}

/* A handoff slot whose sock is past SYN_SENT: report its outcome (recover_connects()). */
static long recover_connect(struct bpf_map *map, const __u32 *slot, struct handoff *h, void *unused)
{
	const struct sock *sk;
	int state, err;

	if (!h->sk)
		return 0;
	sk = KERNEL_POINTER(const struct sock, (void *)h->sk);
	state = SK_READ(ACCEPT_BY_CASTS, sk, __sk_common.skc_state);
	if (state == ST_SYN_SENT || state == ST_SYN_RECV)
		return 0; /* still waiting (SYN_RECV: a simultaneous open) */
	err = SK_READ(ACCEPT_BY_CASTS, sk, sk_err);
	/*
	 * CLOSE without an error is a connect() whose program has claimed the slot but whose socket
	 * is not in SYN_SENT yet, unless its owner has closed it already (an orphan): then the skipped
	 * change was its handshake's completion, since a failure a softirq makes sets sk_err first.
	 */
	if (state == ST_CLOSE && !err &&
	    !(SK_READ(ACCEPT_BY_CASTS, sk, __sk_common.skc_flags) & (1UL << SOCK_DEAD)))
		return 0;
	report_outcome(sk, ACCEPT_BY_CASTS, h, state != ST_CLOSE || !err,
		       SK_READ(ACCEPT_BY_CASTS, sk, __sk_common.skc_family), sock_netns(sk, ACCEPT_BY_CASTS));
	return 0;
}

/*
 * At the end of each run of handle_set_state: if the kernel skipped it on this CPU since it last
 * looked (during this run, nearly always), report the connect outcomes it missed. The scan reads
 * the whole table (a few hundred microseconds for 65,536 slots), which the skips' rarity pays for:
 * about 1.5 a second at the bench's churn.
 */
static __always_inline void recover_connects(struct skip_watch *w)
{
	__u64 misses = misses_of(w->stats);

	if (misses == w->misses_seen)
		return;
	count_by(COUNTER_RECOVERED, misses - w->misses_seen);
	w->misses_seen = misses;
	bpf_for_each_map_elem(&handoffs, recover_connect, NULL, 0);
}

/*
 * Tests only (cfg.test_spin_ns): keeps handle_set_state running on a listener's close, in process
 * context, so that the softirqs a test times land in it and the kernel skips their changes.
 */
static long spin(__u64 index, __u64 *until)
{
	return bpf_ktime_get_ns() >= *until;
}

SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(handle_set_state, const struct sock *sk, int oldstate, int newstate)
{
	/* Found first: the error reports this run may nest need its addresses (on a CPU's first run). */
	struct skip_watch *w = cfg.recover_skipped ? skip_watch() : NULL;

	if (change_of_interest(oldstate, newstate))
		on_set_state(sk, oldstate, newstate);
	else if (cfg.test_spin_ns && oldstate == ST_LISTEN && newstate == ST_CLOSE) {
		__u64 until = bpf_ktime_get_ns() + cfg.test_spin_ns;

		bpf_loop(1 << 23, spin, &until, 0);
	}
	if (w)
		recover_connects(w);
	return 0;
}

/*
 * An error reported to a socket's owner while handle_set_state runs on this CPU: the state change
 * that came with it was skipped. A reset or a timeout reports after closing the socket (in
 * tcp_done_with_error()); this makes up for the close. A connect's failure is left to
 * recover_connects(), which the skip sets off.
 */
SEC("tp_btf/inet_sk_error_report")
int BPF_PROG(handle_error_report, const struct sock *sk)
{
	int err;
	__u16 family;
	__u32 netns;

	if (sk->sk_protocol != PROTO_TCP || sk->__sk_common.skc_state != ST_CLOSE ||
	    !watched_program_running())
		return 0;
	family = sk->__sk_common.skc_family;
	netns = sock_netns(sk, true);
	if (!sock_selected(family, netns))
		return 0;
	if (handoff_of(sk))
		return 0;
	err = sk->sk_err;
	/* The state before is gone; a reset says CLOSE_WAIT by its EPIPE. */
	on_close(sk, err == EPIPE_ERRNO ? ST_CLOSE_WAIT : ST_ESTABLISHED, ST_CLOSE, family, netns);
	return 0;
}

static __always_inline int on_accept_exit(long ret)
{
	struct task_struct *task;
	struct fdtable *fdt;
	struct file **fds;
	struct file *file = NULL;
	struct socket *sock;
	struct sock *sk;
	struct task_ids ids = {};
	struct event *e;
	__u16 family;
	__u32 netns;

	if (ret < 0 || !task_selected(&ids))
		return 0;
	/*
	 * The returned fd's file -> socket -> sock, in the accepting task's fd table. The task is a
	 * BTF pointer (direct loads); the fd array holds plain pointers: one probe reads the file's,
	 * and from there on it probes, or (ACCEPT_BY_CASTS) casts once and loads.
	 */
	task = bpf_get_current_task_btf();
	fdt = task->files->fdt;
	if ((unsigned long)ret >= fdt->max_fds)
		return 0;
	fds = fdt->fd;
	bpf_probe_read_kernel(&file, sizeof(file), &fds[ret]);
	if (!file)
		return 0;
	file = KERNEL_POINTER(struct file, file);
	sock = KERNEL_POINTER(struct socket, SK_READ(ACCEPT_BY_CASTS, file, private_data));
	if (!sock || SK_READ(ACCEPT_BY_CASTS, sock, file) != file)
		return 0;
	sk = SK_READ(ACCEPT_BY_CASTS, sock, sk);
	if (!sk || SK_READ(ACCEPT_BY_CASTS, sk, sk_protocol) != PROTO_TCP)
		return 0; /* accept4() also serves AF_UNIX and other stream sockets */
	family = SK_READ(ACCEPT_BY_CASTS, sk, __sk_common.skc_family);
	netns = sock_netns(sk, ACCEPT_BY_CASTS);
	if (!sock_selected(family, netns))
		return 0;

	e = new_event(sk, ACCEPT_BY_CASTS, EVENT_ACCEPT, family, netns, bpf_ktime_get_ns());
	if (e) {
		set_current_task(e, &ids);
		/* The peer may have reset it while it waited: its close event came first. */
		if (SK_READ(ACCEPT_BY_CASTS, sk, __sk_common.skc_state) == ST_CLOSE)
			e->error = SK_READ(ACCEPT_BY_CASTS, sk, sk_err) ?: ECONNRESET_ERRNO;
		submit(e);
	}
	return 0;
}

SEC("tracepoint/syscalls/sys_exit_accept4")
int handle_accept4_exit(struct trace_event_raw_sys_exit *ctx)
{
	return on_accept_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_exit_accept")
int handle_accept_exit(struct trace_event_raw_sys_exit *ctx)
{
	return on_accept_exit(ctx->ret);
}

char LICENSE[] SEC("license") = "GPL";
