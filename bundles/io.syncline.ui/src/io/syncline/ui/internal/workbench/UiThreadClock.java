package io.syncline.ui.internal.workbench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a wait of the UI thread went: running, waiting for a core, or stopped for the collector; the rest is the
 * thread blocked (the X server, a lock, I/O). Only these three tell apart a view's costly repaint, a machine short
 * of cores and a heap under pressure, which call for different cures. The run queue is read from Linux's
 * {@code /proc/<pid>/task/<tid>/schedstat}; elsewhere, or for a watchdog started off the UI thread, it reads as 0, as do collectors that do not stop the threads.
 */
final class UiThreadClock {

	/** Totals at one instant, in nanoseconds since the thread (or the JVM, for the collector) started. */
	record Reading(long ranNanos, long queuedNanos, long gcNanos) {

		Reading since(Reading before) {
			return new Reading(Math.max(0, ranNanos - before.ranNanos), Math.max(0, queuedNanos - before.queuedNanos),
					Math.max(0, gcNanos - before.gcNanos));
		}
	}

	private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
	private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
	private final long threadId;
	private final Path schedstat;

	private UiThreadClock(long threadId, Path schedstat) {
		this.threadId = threadId;
		this.schedstat = schedstat;
	}

	/**
	 * A clock for the UI thread. Its run queue can be read only when this is called on it: the kernel's id of a
	 * thread, which Java 17 does not give, is where {@code /proc/thread-self} links to.
	 */
	static UiThreadClock of(Thread uiThread) {
		Path schedstat = null;
		if (uiThread == Thread.currentThread()) {
			try {
				Path candidate = Path.of("/proc/thread-self").toRealPath().resolve("schedstat");
				if (Files.isReadable(candidate)) {
					schedstat = candidate;
				}
			} catch (IOException | SecurityException | UnsupportedOperationException notLinux) {
				// no run-queue figure on this system
			}
		}
		return new UiThreadClock(uiThread.getId(), schedstat);
	}

	/** The totals now; any thread. */
	Reading now() {
		return new Reading(Math.max(0, cpu.getThreadCpuTime(threadId)), queuedNanos(), gcNanos());
	}

	/**
	 * The totals now, with the CPU time the UI thread had when it answered: the UI thread reads only its own CPU
	 * clock, and the rest (a file of /proc, the collectors' beans) is read by the watchdog just after.
	 */
	Reading now(long ranNanosAtAnswer) {
		return new Reading(ranNanosAtAnswer, queuedNanos(), gcNanos());
	}

	/** The UI thread's CPU time; call it on the UI thread, where it costs a clock read. */
	long ranNanosOfCurrentThread() {
		return cpu.getCurrentThreadCpuTime();
	}

	private long queuedNanos() {
		if (schedstat == null) {
			return 0;
		}
		try {
			String line = Files.readString(schedstat);
			String[] fields = line.trim().split(" ");
			return fields.length >= 2 ? Long.parseLong(fields[1]) : 0;
		} catch (IOException | NumberFormatException gone) {
			return 0;
		}
	}

	private long gcNanos() {
		long millis = 0;
		for (GarbageCollectorMXBean collector : collectors) {
			if (stopsTheThreads(collector.getName()) && collector.getCollectionTime() > 0) {
				millis += collector.getCollectionTime();
			}
		}
		return millis * 1_000_000;
	}

	/** G1's and the serial and parallel collectors' beans count pauses; "G1 Concurrent GC", "ZGC Cycles" do not. */
	private static boolean stopsTheThreads(String collector) {
		return !collector.contains("Concurrent") && !collector.contains("Cycles");
	}
}
