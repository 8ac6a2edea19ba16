package io.github.tcptracer.capture;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A running trace: the BPF programs loaded and attached, and the per-CPU ring buffers they write to.
 * Start one with {@link #start(TraceOptions)}, call {@link #poll} from one thread, and close
 * it on every exit path (it detaches everything).
 */
public final class TcpTracer implements AutoCloseable {
	private static final String STATE_PROGRAM = "handle_set_state";
	private static final String[] PROGRAMS = {STATE_PROGRAM, "handle_error_report", "handle_accept4_exit",
			"handle_accept_exit"};
	/**
	 * Makes up for the closes the kernel skipped handle_set_state for (nested on its CPU): its own
	 * skips are not counted, since handle_set_state ran for those reports' changes.
	 */
	private static final String ERROR_REPORT_PROGRAM = "handle_error_report";
	private static final int COUNTER_LOST = 0;
	private static final int COUNTER_RECOVERED = 1;
	private static final int EPERM = 1;
	private static final int BPF_MAP_TYPE_RINGBUF = 27;
	private static final int CONFIG_SIZE = 40;
	/** struct handoff of tcptracer.bpf.c: the sock address (0: free) comes first. */
	private static final int HANDOFF_SIZE = 64;
	private static final int ENOENT = 2;
	/** Most records one poll hands over, so a consumer gets to flush under a flood. */
	private static final int MAX_RECORDS_PER_POLL = 1 << 16;

	private final Libbpf bpf;
	private final Memory objectBytes; // libbpf reads the ELF from here until load
	private Pointer object;
	/** The attached programs' links, by program name, in the order attached. */
	private final Map<String, Pointer> links = new LinkedHashMap<>();
	private final List<Integer> programFds = new ArrayList<>();
	private final ProgramStatistics programStatistics;
	private EventRings rings;
	// The ring maps user space made (the outer map holds them too); closed with the trace.
	private final List<Integer> ringFds = new ArrayList<>();
	private int[] ringCpus;
	private int countersFd = -1;
	// Buffers of the per-CPU counter look-up, read every poll: allocated once at load.
	private final Memory counterKey = new Memory(4);
	private Memory counterValues;
	private int possibleCpus;
	private int handoffsFd = -1;
	private int handoffSlots;
	private EventDecoder decoder;

	private TcpTracer(Libbpf bpf, Memory objectBytes, Pointer object) {
		this.bpf = bpf;
		this.objectBytes = objectBytes;
		this.object = object;
		this.programStatistics = new ProgramStatistics(bpf, programFds);
	}

	/** Loads and attaches the programs; events start flowing into the ring buffer at once. */
	public static TcpTracer start(TraceOptions options) throws CaptureException {
		return start(options, BpfObject::forRunningKernel);
	}

	/** {@link #start(TraceOptions)} with the build of the programs {@code build} picks (tests pick one). */
	static TcpTracer start(TraceOptions options, Function<Libbpf, BpfObject> build) throws CaptureException {
		return start(options, build, program -> true);
	}

	/**
	 * {@link #start(TraceOptions, Function)}, attaching only the programs {@code attached} accepts
	 * (tests: a program left out behaves as one the kernel skips every time).
	 */
	static TcpTracer start(TraceOptions options, Function<Libbpf, BpfObject> build, Predicate<String> attached)
			throws CaptureException {
		return start(options, build, attached, 0);
	}

	/**
	 * {@link #start(TraceOptions, Function, Predicate)}, with handle_set_state kept running for
	 * {@code spinNanos} on each close of a listening socket (tests: softirqs that land in that run
	 * make the kernel skip their state changes).
	 */
	static TcpTracer start(TraceOptions options, Function<Libbpf, BpfObject> build, Predicate<String> attached,
			int spinNanos) throws CaptureException {
		// Both checks before JNA loads anything: an unprivileged JVM (the agent's host) never
		// loads native code.
		Preflight.requireBtf();
		Preflight.requirePrivileges();
		Libbpf bpf = Natives.libbpf();
		Memory bytes = build.apply(bpf).bytes();
		Pointer object = bpf.bpf_object__open_mem(bytes, bytes.size(), null);
		if (object == null) {
			throw new CaptureException("cannot open the BPF object: " + Natives.strerror(Native.getLastError()));
		}
		TcpTracer tracer = new TcpTracer(bpf, bytes, object);
		try {
			tracer.configure(options, spinNanos);
			tracer.load(options);
			tracer.attach(name -> attached.test(name)
					&& (options.skipRecovery() || !name.equals(ERROR_REPORT_PROGRAM)));
			return tracer;
		} catch (CaptureException | RuntimeException | Error e) {
			tracer.close();
			throw e;
		}
	}

	private Pointer map(String name) throws CaptureException {
		Pointer map = bpf.bpf_object__find_map_by_name(object, name);
		if (map == null) {
			throw new CaptureException("the BPF object has no map " + name);
		}
		return map;
	}

	private void configure(TraceOptions options, int spinNanos) throws CaptureException {
		LongByReference size = new LongByReference();
		Pointer rodata = bpf.bpf_map__initial_value(map(".rodata"), size);
		if (rodata == null || size.getValue() < CONFIG_SIZE) {
			throw new CaptureException("the BPF object's settings section is not as expected");
		}
		// struct config of tcptracer.h
		rodata.setInt(0, options.pid());
		rodata.setInt(4, (int) options.networkNamespace());
		rodata.setShort(8, (short) (options.ipVersion() == 4 ? EventLayout.AF_INET
				: options.ipVersion() == 6 ? EventLayout.AF_INET6 : 0));
		rodata.setByte(10, (byte) (options.cgroupMap() != null ? 1 : 0));
		rodata.setByte(11, (byte) (options.mountNamespaceMap() != null ? 1 : 0));
		handoffSlots = handoffSlots(options.maxConnections());
		rodata.setInt(12, handoffSlots - 1);
		rodata.setByte(16, (byte) (options.skipRecovery() ? 1 : 0));
		rodata.setInt(20, spinNanos);
		if (options.pidNamespace() != null) {
			rodata.setLong(24, options.pidNamespace().device());
			rodata.setLong(32, options.pidNamespace().inode());
		}
		decoder = new EventDecoder(options.maxConnections(),
				options.pid() != 0 || options.cgroupMap() != null || options.mountNamespaceMap() != null);
		possibleCpus = Math.max(bpf.libbpf_num_possible_cpus(), 1);
		check(bpf.bpf_map__set_max_entries(map("rings"), possibleCpus), "size the ring buffer table");
		createRings(options.ringBufferBytes());
		// The table's entries must match this ring (libbpf 1.1 cannot resize its own template).
		check(bpf.bpf_map__set_inner_map_fd(map("rings"), ringFds.get(0)), "define the ring buffers");
		check(bpf.bpf_map__set_max_entries(map("handoffs"), handoffSlots), "size the connect handoff table");
		if (options.cgroupMap() != null) {
			PinnedFilterMap.reuse(bpf, map("cgroup_filter"), options.cgroupMap(), "--cgroupmap", 8);
		}
		if (options.mountNamespaceMap() != null) {
			PinnedFilterMap.reuse(bpf, map("mntns_filter"), options.mountNamespaceMap(), "--mntnsmap", 4);
		}
	}

	private void check(int rc, String what) throws CaptureException {
		if (rc < 0) {
			throw new CaptureException("cannot " + what + ": " + Natives.strerror(-rc));
		}
	}

	private void load(TraceOptions options) throws CaptureException {
		int rc;
		try (HeldSignals held = HeldSignals.hold()) {
			rc = bpf.bpf_object__load(object);
		}
		if (rc < 0) {
			if (-rc == EPERM) {
				throw new CaptureException(Preflight.notPermitted("the kernel refused to load BPF: EPERM"));
			}
			throw new CaptureException("cannot load the BPF programs: " + Natives.strerror(-rc)
					+ " (run with " + Natives.DEBUG_VARIABLE + "=1 to see libbpf's log)");
		}
		rings = new EventRings(installRings(bpf.bpf_map__fd(map("rings")), options.ringBufferBytes()));
		countersFd = bpf.bpf_map__fd(map("counters"));
		counterValues = new Memory(8L * possibleCpus);
		handoffsFd = bpf.bpf_map__fd(map("handoffs"));
		watchStateProgram();
	}

	/** Gives the programs handle_set_state's struct bpf_prog, whose counters show its skips. */
	private void watchStateProgram() throws CaptureException {
		Memory key = new Memory(4);
		Memory value = new Memory(4);
		key.setInt(0, 0);
		value.setInt(0, bpf.bpf_program__fd(bpf.bpf_object__find_program_by_name(object, STATE_PROGRAM)));
		check(bpf.bpf_map_update_elem(bpf.bpf_map__fd(map("watched_program")), key, value, 0),
				"watch the state-change program");
	}

	/**
	 * One ring per online CPU: made before load, since the first also defines the table's entries.
	 * A CPU that comes online later has no ring; its events count as lost.
	 */
	private void createRings(int bytes) throws CaptureException {
		ringCpus = OnlineCpus.read(possibleCpus).stream().toArray();
		for (int cpu : ringCpus) {
			int fd = bpf.bpf_map_create(BPF_MAP_TYPE_RINGBUF, "events", 0, 0, bytes, null);
			if (fd < 0) {
				throw new CaptureException("cannot create a ring buffer for CPU " + cpu + ": "
						+ Natives.strerror(-fd));
			}
			ringFds.add(fd);
		}
	}

	/** Puts each CPU's ring in the table the programs look it up in, and maps it for reading. */
	private RingBuffer[] installRings(int tableFd, int bytes) throws CaptureException {
		RingBuffer[] installed = new RingBuffer[ringCpus.length];
		Memory key = new Memory(4);
		Memory value = new Memory(4);
		try {
			for (int i = 0; i < ringCpus.length; i++) {
				key.setInt(0, ringCpus[i]);
				value.setInt(0, ringFds.get(i));
				check(bpf.bpf_map_update_elem(tableFd, key, value, 0), "install a ring buffer");
				installed[i] = RingBuffer.map(ringFds.get(i), bytes & 0xffffffffL);
			}
			return installed;
		} catch (CaptureException | RuntimeException e) {
			for (RingBuffer ring : installed) {
				if (ring != null) {
					ring.close();
				}
			}
			throw e;
		}
	}

	/** Attaches the programs {@code attached} accepts; the others stay loaded, never run. */
	private void attach(Predicate<String> attached) throws CaptureException {
		Preflight.ensureTracefs();
		for (String name : PROGRAMS) {
			if (!attached.test(name)) {
				continue;
			}
			Pointer program = bpf.bpf_object__find_program_by_name(object, name);
			if (program == null) {
				throw new CaptureException("the BPF object has no program " + name);
			}
			Pointer link = bpf.bpf_program__attach(program);
			if (link == null) {
				int errno = Native.getLastError();
				throw new CaptureException("cannot attach " + name + ": " + Natives.strerror(errno)
						+ (errno == EPERM ? " (" + Preflight.notPermitted("attach refused") + ")" : ""));
			}
			links.put(name, link);
			if (!name.equals(ERROR_REPORT_PROGRAM)) {
				programFds.add(bpf.bpf_program__fd(program));
			}
		}
	}

	/**
	 * Decodes the events waiting in the ring buffers and hands them to {@code sink} in kernel-time
	 * order ({@link EventRings}); returns how many. Never blocks.
	 */
	public int poll(Consumer<TcpEvent> sink) {
		return poll(sink, MAX_RECORDS_PER_POLL);
	}

	/**
	 * {@link #poll(Consumer)}, handing over at most {@code maxRecords} records: for a caller that
	 * must not be held long (a smaller poll ends sooner, whatever the sink costs per event).
	 */
	public synchronized int poll(Consumer<TcpEvent> sink, int maxRecords) {
		if (rings == null) {
			return 0;
		}
		return rings.drain((buffer, offset) -> {
			TcpEvent event = decoder.decode(buffer, offset);
			if (event != null) {
				sink.accept(event);
			}
		}, Math.min(maxRecords, MAX_RECORDS_PER_POLL));
	}

	/** Names of the programs attached in the kernel (until {@link #close()}). */
	synchronized List<String> attachedPrograms() {
		return List.copyOf(links.keySet());
	}

	/**
	 * Events possibly lost in the kernel since start: those dropped because the ring buffer was
	 * full, connects that found no free slot in the handoff table, and runs of the state-change
	 * program the kernel skipped (already running on that CPU) that were not made up for (each may
	 * have been an event).
	 */
	public synchronized long lostEvents() {
		if (countersFd < 0) {
			return 0;
		}
		long unrecovered = programStatistics.recursionMisses() - counter(COUNTER_RECOVERED);
		return counter(COUNTER_LOST) + Math.max(0, unrecovered);
	}

	/**
	 * Runs of the state-change program the kernel skipped (already running on that CPU) that were
	 * seen and made up for, since start.
	 */
	public synchronized long recoveredChanges() {
		return countersFd < 0 ? 0 : counter(COUNTER_RECOVERED);
	}

	/** A per-CPU counter of tcptracer.h's enum counter, summed over the CPUs. */
	private long counter(int index) {
		counterKey.setInt(0, index);
		if (bpf.bpf_map_lookup_elem(countersFd, counterKey, counterValues) != 0) {
			return 0;
		}
		long total = 0;
		for (int cpu = 0; cpu < possibleCpus; cpu++) {
			total += counterValues.getLong(8L * cpu);
		}
		return total;
	}

	/**
	 * The handoff table's slots: a power of two, at least {@code maxConnections}, so that the
	 * kernel side can mask a hash.
	 */
	static int handoffSlots(int maxConnections) {
		return Math.max(8, Integer.highestOneBit(Math.max(1, maxConnections - 1)) << 1);
	}

	/**
	 * Connection state held: connects the kernel side awaits the outcome of, plus connections
	 * seen open here (polled connect or accept) and not yet closed. Reads the whole kernel table:
	 * for diagnostics and tests.
	 */
	public synchronized int trackedConnections() throws CaptureException {
		return pendingConnects() + (decoder == null ? 0 : decoder.openConnections());
	}

	/** Connects the kernel side holds the caller of until their handshake's outcome. */
	synchronized int pendingConnects() throws CaptureException {
		if (handoffsFd < 0) {
			return 0;
		}
		Memory keys = new Memory(4L * handoffSlots);
		Memory values = new Memory((long) HANDOFF_SIZE * handoffSlots);
		Memory next = new Memory(4);
		IntByReference count = new IntByReference(handoffSlots);
		int rc = bpf.bpf_map_lookup_batch(handoffsFd, null, next, keys, values, count, null);
		if (rc < 0 && rc != -ENOENT) { // ENOENT: the read reached the end of the table
			throw new CaptureException("cannot read the connect handoff table: " + Natives.strerror(-rc));
		}
		int held = 0;
		for (int slot = 0; slot < count.getValue(); slot++) {
			if (values.getLong((long) HANDOFF_SIZE * slot) != 0) {
				held++;
			}
		}
		return held;
	}

	/**
	 * Fills every slot of the handoff table with a connect of a made-up sock that began at
	 * {@code startNanos} (CLOCK_MONOTONIC): tests' slots left behind, to be taken over once stale.
	 */
	synchronized void fillHandoffTable(long startNanos) throws CaptureException {
		Memory key = new Memory(4);
		Memory value = new Memory(HANDOFF_SIZE);
		for (int slot = 0; slot < handoffSlots; slot++) {
			value.clear();
			value.setLong(0, 0x7e57_0000_0000L + 64L * slot); // never a real sock address
			value.setLong(8, startNanos);
			key.setInt(0, slot);
			check(bpf.bpf_map_update_elem(handoffsFd, key, value, 0), "fill the connect handoff table");
		}
	}

	/** Detaches the programs and frees the maps; safe to call twice. */
	@Override
	public synchronized void close() {
		for (Pointer link : links.values()) {
			bpf.bpf_link__destroy(link);
		}
		links.clear();
		if (rings != null) {
			rings.close();
			rings = null;
		}
		LibC libc = Natives.libc();
		for (int fd : ringFds) {
			libc.close(fd);
		}
		ringFds.clear();
		countersFd = -1;
		handoffsFd = -1;
		programFds.clear();
		if (object != null) {
			bpf.bpf_object__close(object);
			object = null;
		}
	}
}
