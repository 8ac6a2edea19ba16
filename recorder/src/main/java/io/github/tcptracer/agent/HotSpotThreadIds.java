package io.github.tcptracer.agent;

import com.sun.jna.NativeLibrary;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The kernel thread id (tid) of a live Java thread, read from HotSpot's own data: the private
 * field {@code Thread.eetop} points at the VM's {@code JavaThread}, whose {@code _osthread}
 * holds {@code _thread_id}. The field offsets come from the table HotSpot exports for its
 * serviceability agent ({@code gHotSpotVMStructs}), as async-profiler reads them, so no offset is
 * hard-coded. No public API gives a Java thread's tid (not even on JDK 25), and matching the
 * kernel's 15-byte comm against thread names fails for pools ("http-nio-8080-exec-1" and
 * "-exec-2" share one comm).
 *
 * <p>A thread may end, and the VM free its {@code JavaThread}, while it is being read: the reads
 * go through {@link SelfMemory}, which fails instead of crashing the JVM where the memory is gone.
 */
final class HotSpotThreadIds {
	private final Field eetop;
	private final long osThreadOffset;
	private final long threadIdOffset;
	private final SelfMemory memory;

	private HotSpotThreadIds(Field eetop, long osThreadOffset, long threadIdOffset, SelfMemory memory) {
		this.eetop = eetop;
		this.osThreadOffset = osThreadOffset;
		this.threadIdOffset = threadIdOffset;
		this.memory = memory;
	}

	/**
	 * Finds the offsets in this JVM. {@code instrumentation} opens {@code java.lang} to this
	 * class's module only.
	 *
	 * @throws IllegalStateException with the reason when this JVM is not a HotSpot that exports them,
	 *                               or this process may not read itself safely
	 */
	static HotSpotThreadIds find(Instrumentation instrumentation) {
		Module javaBase = Thread.class.getModule();
		Module self = HotSpotThreadIds.class.getModule();
		if (!javaBase.isOpen("java.lang", self)) {
			instrumentation.redefineModule(javaBase, Set.of(), Map.of(), Map.of("java.lang", Set.of(self)), Set.of(),
					Map.of());
		}
		Field eetop;
		try {
			eetop = Thread.class.getDeclaredField("eetop");
			eetop.setAccessible(true);
		} catch (NoSuchFieldException | RuntimeException e) {
			throw new IllegalStateException("no readable Thread.eetop: " + e);
		}
		VmStructs structs = VmStructs.read(jvm());
		long osThread = structs.offset("Thread", "_osthread");
		if (osThread < 0) {
			osThread = structs.offset("JavaThread", "_osthread");
		}
		long threadId = structs.offset("OSThread", "_thread_id");
		if (osThread < 0 || threadId < 0) {
			throw new IllegalStateException("HotSpot's vmStructs lack Thread::_osthread or OSThread::_thread_id");
		}
		return new HotSpotThreadIds(eetop, osThread, threadId, SelfMemory.open());
	}

	private static NativeLibrary jvm() {
		try {
			// the launcher loads libjvm with RTLD_GLOBAL: its symbols are the process's
			NativeLibrary process = NativeLibrary.getProcess();
			process.getGlobalVariableAddress(VmStructs.TABLE_SYMBOL);
			return process;
		} catch (UnsatisfiedLinkError notGlobal) {
			return NativeLibrary.getInstance(
					Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so").toString());
		}
	}

	/**
	 * The thread's tid, or -1 when it has not started or has ended. The VM clears
	 * {@code eetop} before it frees the {@code JavaThread}; reading it again after the
	 * dereferences tells whether the values read belonged to a live thread (memory freed and
	 * reused by then reads as something else, without harm).
	 */
	int tidOf(Thread thread) {
		try {
			long javaThread = eetop.getLong(thread);
			if (javaThread == 0) {
				return -1;
			}
			long osThread = memory.readLong(javaThread + osThreadOffset);
			if (osThread == SelfMemory.UNREADABLE || osThread == 0) {
				return -1;
			}
			long tid = memory.readInt(osThread + threadIdOffset);
			return tid != SelfMemory.UNREADABLE && eetop.getLong(thread) == javaThread ? (int) tid : -1;
		} catch (IllegalAccessException e) {
			return -1;
		}
	}
}
