package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.syncline.ui.internal.workbench.UiWatchdog;

/**
 * The console's UI-thread watchdog on a real display: a deliberate freeze of the UI thread is measured as one, and
 * reported while it lasts with the stack of what froze it.
 */
class UiWatchdogTest {

	@Test
	void aFreezeIsMeasuredAndReportedWithWhatTheUiThreadIsDoing() throws Exception {
		Display display = Display.getDefault();
		List<String> reports = new CopyOnWriteArrayList<>();
		try (UiWatchdog watchdog = UiWatchdog.start(display, Duration.ofMillis(5), Duration.ofMillis(100),
				reports::add)) {
			Widgets.await(display, () -> watchdog.stalls().samples() >= 10, () -> "probes: " + watchdog.stalls());
			freezeFor(400);
			Widgets.await(display, () -> !reports.isEmpty() && watchdog.stalls().longestMillis() >= 300,
					() -> "the freeze is seen: " + watchdog.stalls() + " " + reports);
			assertTrue(watchdog.stalls().over50Millis() >= 1, watchdog.stalls().toString());
			assertTrue(watchdog.stalls().longestRanMillis() < 100, "a UI thread asleep is not on the CPU: "
					+ watchdog.stalls());
			assertTrue(watchdog.stalls().longestQueuedMillis() < 100, "nor waiting for one: " + watchdog.stalls());
			assertTrue(reports.get(0).startsWith("the UI thread has not answered for ")
					&& reports.get(0).contains("freezeFor"), "the report names what froze it: " + reports.get(0));
			watchdog.reset();
			assertTrue(watchdog.stalls().samples() == 0 && watchdog.stalls().longestMillis() == 0);
		}
	}

	@Test
	void aFreezeTheUiThreadSpendsRunningIsToldFromOneItSpendsWaiting() throws Exception {
		Display display = Display.getDefault();
		try (UiWatchdog watchdog = UiWatchdog.start(display, Duration.ofMillis(5), Duration.ofSeconds(2), report -> {
		})) {
			Widgets.await(display, () -> watchdog.stalls().samples() >= 10, () -> "probes: " + watchdog.stalls());
			watchdog.reset();
			busyFor(300);
			Widgets.await(display, () -> watchdog.stalls().longestMillis() >= 250,
					() -> "the busy freeze is seen: " + watchdog.stalls());
			UiWatchdog.Stalls busy = watchdog.stalls();
			assertTrue(busy.longestRanMillis() > busy.longestMillis() / 2 && busy.mostRanMillis() >= busy
					.longestRanMillis(), "a UI thread computing is on the CPU for most of it: " + busy);
		}
	}

	@Test
	@EnabledIf("theKernelCountsTheRunQueue")
	void aUiThreadThatMustShareItsCoreIsSeenWaitingForOne() throws Exception {
		Display display = Display.getDefault();
		int hogs = Runtime.getRuntime().availableProcessors() * 2;
		AtomicBoolean spinning = new AtomicBoolean(true);
		List<Thread> threads = new ArrayList<>();
		try (UiWatchdog watchdog = UiWatchdog.start(display, Duration.ofMillis(5), Duration.ofSeconds(2), report -> {
		})) {
			Widgets.await(display, () -> watchdog.stalls().samples() >= 10, () -> "probes: " + watchdog.stalls());
			for (int i = 0; i < hogs; i++) {
				Thread hog = new Thread(() -> {
					while (spinning.get()) {
						busyFor(1);
					}
				}, "hog-" + i);
				hog.start();
				threads.add(hog);
			}
			watchdog.reset();
			busyFor(400);
			Widgets.await(display, () -> watchdog.stalls().longestMillis() >= 350,
					() -> "the shared freeze is seen: " + watchdog.stalls());
			UiWatchdog.Stalls shared = watchdog.stalls();
			assertTrue(shared.longestQueuedMillis() > shared.longestMillis() / 5, "with " + hogs + " threads spinning "
					+ "on its cores the UI thread waits for one for much of the freeze: " + shared);
		} finally {
			spinning.set(false);
			for (Thread hog : threads) {
				hog.join();
			}
		}
	}

	static boolean theKernelCountsTheRunQueue() {
		return Files.isReadable(Path.of("/proc/thread-self/schedstat"));
	}

	/** A view's work on the UI thread, not a wait: the CPU is what it spends. */
	private static long busyFor(long millis) {
		long end = System.nanoTime() + millis * 1_000_000;
		long spins = 0;
		while (System.nanoTime() < end) {
			spins++;
		}
		return spins;
	}

	/** What a view must never do: block the UI thread, here in plain sight of the watchdog. */
	private static void freezeFor(long millis) throws InterruptedException {
		Thread.sleep(millis);
	}
}
