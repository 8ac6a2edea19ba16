package io.github.tcptracer.capture;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/** The few libc calls the capture engine needs (mmap of the ring buffer, tracefs, log text, signal mask). */
interface LibC extends Library {
	int PROT_READ = 1;
	int PROT_WRITE = 2;
	int MAP_SHARED = 1;
	/** {@code how} of pthread_sigmask (asm-generic, as on x86-64 and arm64). */
	int SIG_BLOCK = 0;
	int SIG_SETMASK = 2;
	/** glibc's sigset_t: 1024 bits. */
	int SIGSET_BYTES = 128;

	Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset);

	int munmap(Pointer address, long length);

	int close(int fd);

	int getpagesize();

	int mount(String source, String target, String type, long flags, Pointer data);

	/** Formats libbpf's log lines; {@code va_list} is a pointer on x86-64. */
	int vsnprintf(byte[] buffer, long size, String format, Pointer arguments);

	String strerror(int errno);

	int sigfillset(Pointer set);

	int sigdelset(Pointer set, int signal);

	int pthread_sigmask(int how, Pointer set, Pointer oldSet);
}
