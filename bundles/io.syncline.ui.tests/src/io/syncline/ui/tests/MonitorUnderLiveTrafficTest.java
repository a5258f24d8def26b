package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.Subscription;
import io.syncline.ui.internal.charts.MetricsCharts;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.monitor.MonitorPanel;
import io.syncline.ui.internal.workbench.UiWatchdog;

/**
 * A probe, not a timed test: the Monitor view as shipped (the live table over its charts) on the local runtime
 * while WMS stock events arrive for ten seconds at about 1,000 runtime events a second, the runtime in the same
 * process as the window, as on a support desk's laptop, first with no view open (the baseline), then with the
 * Monitor view. The console's UI-thread watchdog times how long the UI thread took to answer a probe every 5 ms,
 * and the UI thread's CPU time is read; the figures are printed and written to {@code target/ui-watchdog.txt}
 * ({@code -Dprobe.reportMillis=25} also prints the UI thread's stack whenever it is that late). What is asserted is
 * what must hold whatever the machine: the watchdog measured, the traffic came, and the monitor shows the newest
 * message once the traffic stops.
 */
class MonitorUnderLiveTrafficTest {

	private static final int EVENTS_PER_SECOND = 1_000;
	private static final int SECONDS = 10;

	@TempDir
	Path dir;

	private HarborConsole console;

	@BeforeEach
	void harbor() throws Exception {
		console = HarborConsole.open(dir);
	}

	@AfterEach
	void close() throws Exception {
		console.close();
	}

	/** What one run of traffic measured. */
	private record Measured(long events, double seconds, UiWatchdog.Stalls stalls, long newest, double uiCpuMillis) {

		double rate() {
			return events / seconds;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.0f events/s, %s; the UI thread's CPU %.0f ms a second", rate(),
					stalls, uiCpuMillis / seconds);
		}
	}

	@Test
	void theUiThreadKeepsAnsweringUnderAThousandEventsASecond() throws Exception {
		console.shell.setSize(1260, 960);
		console.shell.open();
		// the baseline, in the same run: the same traffic while the UI thread has no view to keep up to date, which
		// is what the machine (two cores shared with the runtime, its collector) alone costs the UI thread
		Measured bare = underTraffic();

		RuntimeSelection selection = console.localSelection();
		SashForm sash = new SashForm(console.shell, SWT.VERTICAL);
		MonitorPanel monitor = new MonitorPanel(sash, selection, key -> {
		});
		new MetricsCharts(sash, selection);
		sash.setWeights(3, 1);
		console.shell.layout(true, true);
		selection.use(Connection.local(), null);
		Widgets.await(console.display, () -> monitor.table().getItemCount() > 10 && !monitor.reading(),
				() -> "the journal is shown: " + monitor.outcome().getText());
		Measured monitored = underTraffic();

		String report = String.format(Locale.ROOT, "UI thread under live traffic (%d s, one submitting thread, the "
				+ "local runtime in the same process):%n  no view open: %s%n  the Monitor view (table "
				+ "and charts): %s%n  longest %.2f×, p99 %.2f× the baseline%n", SECONDS, bare, monitored,
				monitored.stalls().longestMillis() / bare.stalls().longestMillis(),
				monitored.stalls().p99Millis() / bare.stalls().p99Millis());
		System.out.print(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "ui-watchdog.txt"), report);
		for (Measured measured : java.util.List.of(bare, monitored)) {
			assertTrue(measured.stalls().samples() > SECONDS * 20, "the watchdog probed throughout: " + measured);
			assertTrue(measured.events() > SECONDS * 100, "the traffic came: " + measured);
		}
		Widgets.await(console.display, () -> monitor.table().getItemCount() > 0
				&& monitor.table().getItem(0).getData() instanceof MessageSummary top && top.id() == monitored.newest(),
				() -> "once the traffic stops, the newest message " + monitored.newest() + " is on top");
		Widgets.capture(console.shell, "monitor-under-load.png");
	}

	/** Ten seconds of traffic at the rate, the UI thread running its event loop, the watchdog probing it. */
	private Measured underTraffic() throws Exception {
		AtomicLong events = new AtomicLong();
		AtomicLong newest = new AtomicLong();
		AtomicReference<Throwable> failed = new AtomicReference<>();
		Subscription counting = console.local.subscribe(event -> events.incrementAndGet());
		try (UiWatchdog watchdog = UiWatchdog.start(console.display, java.time.Duration.ofMillis(5),
				java.time.Duration.ofMillis(Long.getLong("probe.reportMillis", 2000)),
				report -> System.out.println("watchdog: " + report))) {
			dispatchFor(1_000); // what was shown settles; the watchdog's first probes warm up
			watchdog.reset();
			long eventsBefore = events.get();
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			long uiCpu = threads.getThreadCpuTime(console.display.getThread().getId());
			long start = System.nanoTime();
			Thread sender = new Thread(() -> send(start, events, eventsBefore, newest, failed), "load");
			sender.start();
			dispatchFor(SECONDS * 1_000L);
			sender.join();
			assertEquals(null, failed.get(), "every submit of the load went through");
			return new Measured(events.get() - eventsBefore, (System.nanoTime() - start) / 1e9, watchdog.stalls(),
					newest.get(), (threads.getThreadCpuTime(console.display.getThread().getId()) - uiCpu) / 1e6);
		} finally {
			counting.close();
		}
	}

	/** Submits one-event WMS messages, as fast as keeps the runtime's events at the rate, until the time is up. */
	private void send(long start, AtomicLong events, long eventsBefore, AtomicLong newest,
			AtomicReference<Throwable> failed) {
		long end = start + SECONDS * 1_000_000_000L;
		try {
			for (int i = 0; System.nanoTime() < end; i++) {
				double due = (System.nanoTime() - start) / 1e9 * EVENTS_PER_SECOND;
				if (events.get() - eventsBefore >= due) {
					Thread.sleep(1);
					continue;
				}
				String event = String.format(Locale.ROOT, "{\"eventId\": \"load-%d-%d\", \"type\": \"RECEIPT\", "
						+ "\"item\": \"HS-100101\", \"warehouse\": \"ATL\", \"qty\": 1, \"uom\": \"EA\", "
						+ "\"at\": \"2026-12-03T10:00:00Z\"}%n", start, i);
				long id = console.local.submit("wms", null, "load-" + start + "-" + i + ".jsonl",
						event.getBytes(StandardCharsets.UTF_8)).messageId();
				newest.accumulateAndGet(id, Math::max);
			}
		} catch (Throwable e) {
			failed.compareAndSet(null, e);
		}
	}

	/** Runs the UI thread's event loop as the workbench does (sleeping until there is work) for that long. */
	private void dispatchFor(long millis) {
		boolean[] done = { false };
		console.display.timerExec((int) millis, () -> done[0] = true);
		while (!done[0]) {
			if (!console.display.readAndDispatch()) {
				console.display.sleep();
			}
		}
	}
}
