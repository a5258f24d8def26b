package io.syncline.ui.internal.workbench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;

/**
 * Watches the UI thread from outside it: every so often it posts a no-op to the display and times how long the UI
 * thread took to get to it. That delay is what a user's click or keystroke waits at that moment, so the longest
 * one is the longest freeze. A freeze that goes on past the report threshold is reported once, with what the UI
 * thread is doing, while it still goes on: the stack a support engineer needs, in the log, not in a dialog.
 * <p>
 * Each wait is split into the time the UI thread ran and the rest: a wait the UI thread spent running is the
 * console's own work to make cheaper; one it spent off the CPU is a machine short of cores, a collector's pause or
 * a lock, which no view's code can shorten.
 */
public final class UiWatchdog implements AutoCloseable {

	/**
	 * What was measured: how many probes, the longest delay and how much of it the UI thread ran, waited for a core
	 * and stood stopped for the collector, the 99th percentile, how many over 50 ms, and the most the UI thread ran
	 * in any one delay.
	 */
	public record Stalls(long samples, double longestMillis, double longestRanMillis, double longestQueuedMillis,
			double longestGcMillis, double p99Millis, long over50Millis, double mostRanMillis) {

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "%d probes, longest %.1f ms (the UI thread ran %.1f ms of "
					+ "it, waited %.1f ms for a core, %.1f ms stopped for the collector), p99 %.1f ms, %d over 50 ms; "
					+ "the most the UI thread ran in one wait: %.1f ms", samples, longestMillis, longestRanMillis,
					longestQueuedMillis, longestGcMillis, p99Millis, over50Millis, mostRanMillis);
		}
	}

	/** Delays up to 2 s are counted to the tenth of a millisecond; longer ones (a freeze, reported) in the last bucket. */
	private static final int BUCKETS = 20_000;

	private final Display display;
	private final Duration every;
	private final Duration reportAfter;
	private final Consumer<String> onFreeze;
	private final Thread thread;
	private final UiThreadClock clock;
	private final long[] tenthsOfMillis = new long[BUCKETS + 1];
	private long samples;
	private long longestNanos;
	private UiThreadClock.Reading longestSpent = new UiThreadClock.Reading(0, 0, 0);
	private long mostRanNanos;
	private long over50;
	private volatile boolean running = true;

	private UiWatchdog(Display display, Duration every, Duration reportAfter, Consumer<String> onFreeze) {
		this.display = display;
		this.every = every;
		this.reportAfter = reportAfter;
		this.onFreeze = onFreeze;
		this.clock = UiThreadClock.of(display.getThread());
		this.thread = new Thread(this::watch, "syncline-ui-watchdog");
		thread.setDaemon(true);
	}

	/**
	 * Starts watching the display's thread: a probe every {@code every}; a freeze longer than {@code reportAfter}
	 * goes to {@code onFreeze} with the UI thread's stack. Started on the UI thread, it also tells the time the UI
	 * thread waited for a core.
	 */
	public static UiWatchdog start(Display display, Duration every, Duration reportAfter, Consumer<String> onFreeze) {
		UiWatchdog watchdog = new UiWatchdog(display, every, reportAfter, onFreeze);
		watchdog.thread.start();
		return watchdog;
	}

	private void watch() {
		try {
			while (running && !display.isDisposed()) {
				long[] answered = new long[2];
				CountDownLatch ran = new CountDownLatch(1);
				UiThreadClock.Reading atPost = clock.now();
				long posted = System.nanoTime();
				display.asyncExec(() -> {
					answered[0] = System.nanoTime();
					answered[1] = clock.ranNanosOfCurrentThread();
					ran.countDown();
				});
				boolean reported = false;
				while (!ran.await(reportAfter.toMillis(), TimeUnit.MILLISECONDS)) {
					if (!running || display.isDisposed()) {
						return;
					}
					if (!reported) {
						reported = true;
						onFreeze.accept(freeze(System.nanoTime() - posted, clock.now().since(atPost)));
					}
				}
				record(answered[0] - posted, clock.now(answered[1]).since(atPost));
				Thread.sleep(every.toMillis());
			}
		} catch (InterruptedException | SWTException stopped) {
			// closed, or the display went away: nothing left to watch
		}
	}

	private String freeze(long nanos, UiThreadClock.Reading spent) {
		StringBuilder report = new StringBuilder("the UI thread has not answered for ")
				.append(nanos / 1_000_000).append(" ms, ").append(spent.ranNanos() / 1_000_000)
				.append(" ms of them on the CPU, ").append(spent.queuedNanos() / 1_000_000)
				.append(" ms waiting for a core, ").append(spent.gcNanos() / 1_000_000)
				.append(" ms stopped for the collector; it is at:");
		for (StackTraceElement frame : display.getThread().getStackTrace()) {
			report.append("\n\tat ").append(frame);
		}
		return report.toString();
	}

	private synchronized void record(long nanos, UiThreadClock.Reading spent) {
		samples++;
		if (nanos > longestNanos) {
			longestNanos = nanos;
			longestSpent = spent;
		}
		mostRanNanos = Math.max(mostRanNanos, Math.min(spent.ranNanos(), nanos));
		if (nanos > 50_000_000L) {
			over50++;
		}
		tenthsOfMillis[(int) Math.min(BUCKETS, nanos / 100_000)]++;
	}

	/** What was measured so far. */
	public synchronized Stalls stalls() {
		long rank = (long) Math.ceil(samples * 0.99);
		long seen = 0;
		int bucket = 0;
		while (bucket < BUCKETS && seen + tenthsOfMillis[bucket] < rank) {
			seen += tenthsOfMillis[bucket++];
		}
		double longest = longestNanos / 1e6;
		return new Stalls(samples, longest, Math.min(longest, longestSpent.ranNanos() / 1e6),
				Math.min(longest, longestSpent.queuedNanos() / 1e6), Math.min(longest, longestSpent.gcNanos() / 1e6),
				samples == 0 ? 0 : (bucket + 1) / 10.0, over50, mostRanNanos / 1e6);
	}

	/** Forgets what was measured (after a warm-up, say). */
	public synchronized void reset() {
		Arrays.fill(tenthsOfMillis, 0);
		samples = 0;
		longestNanos = 0;
		longestSpent = new UiThreadClock.Reading(0, 0, 0);
		mostRanNanos = 0;
		over50 = 0;
	}

	@Override
	public void close() {
		running = false;
		thread.interrupt();
	}
}
