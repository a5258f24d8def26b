package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.MessageSummary;
import io.syncline.ui.internal.charts.MetricsCharts;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.monitor.MonitorPanel;
import io.syncline.ui.internal.workbench.UiWatchdog;

/**
 * A probe, not a timed test: the Monitor view as shipped (the live table over its charts) while WMS stock events
 * arrive for ten seconds at about 1,000 runtime events a second, first with no view open (the baseline), then with
 * the Monitor view. Twice: on the local runtime in the same process as the window (its traffic, collector and
 * database share the console's JVM), and on a remote runtime in a JVM of its own, as a support desk meets the
 * runtime it watches (here on the same two cores). The console's UI-thread watchdog times how long the UI thread
 * took to answer a probe every 5 ms, and the UI thread's CPU time is read; the figures are printed and written to
 * {@code target/ui-watchdog.txt} and {@code target/ui-watchdog-remote.txt} ({@code -Dprobe.reportMillis=25} also
 * prints the UI thread's stack whenever it is that late). What is asserted is what must hold whatever the machine:
 * the watchdog measured, the traffic came, and the monitor shows the newest message once the traffic stops.
 */
class MonitorUnderLiveTrafficTest {

	private static final int EVENTS_PER_SECOND = 1_000;
	private static final int SECONDS = 10;

	@TempDir
	Path dir;

	private HarborConsole console;

	@BeforeEach
	void harbor() throws Exception {
		console = HarborConsole.open(dir.resolve("console"));
	}

	@AfterEach
	void close() throws Exception {
		console.close();
	}

	/** Traffic at the rate for the time, sent wherever the runtime runs; the future ends when it is all sent. */
	private interface Traffic {
		CompletableFuture<LiveTraffic.Sent> send(int eventsPerSecond, int seconds) throws Exception;
	}

	/** What one run of traffic measured. */
	private record Measured(LiveTraffic.Sent sent, UiWatchdog.Stalls stalls, double uiCpuMillis) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%.0f events/s, %s; the UI thread's CPU %.0f ms a second",
					sent.rate(), stalls, uiCpuMillis / sent.seconds());
		}
	}

	@Test
	void theUiThreadKeepsAnsweringUnderAThousandEventsASecondOnTheLocalRuntime() throws Exception {
		LiveTraffic local = new LiveTraffic(console.local, "wms");
		probe(console.localSelection(), Connection.local(), "the local runtime in the same process",
				"ui-watchdog.txt", (rate, seconds) -> CompletableFuture.supplyAsync(() -> {
					try {
						return local.run(rate, seconds);
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(e);
					}
				}, runnable -> new Thread(runnable, "load").start()));
	}

	@Test
	void theUiThreadKeepsAnsweringUnderAThousandEventsASecondOnARemoteRuntime() throws Exception {
		try (RuntimeProcess remote = RuntimeProcess.start(dir.resolve("remote"))) {
			RuntimeSelection selection = console.selection(false);
			Connection connection = console.connections().save(new Connection(null, "Harbor ops", remote.url, null),
					remote.token);
			probe(selection, connection, "a remote runtime in a JVM of its own on the same cores",
					"ui-watchdog-remote.txt", (rate, seconds) -> {
						remote.traffic(rate, seconds);
						return CompletableFuture.supplyAsync(() -> {
							try {
								return remote.sent();
							} catch (java.io.IOException e) {
								throw new IllegalStateException(e);
							}
						});
					});
		}
	}

	private void probe(RuntimeSelection selection, Connection connection, String where, String reportFile,
			Traffic traffic) throws Exception {
		console.shell.setSize(1260, 960);
		console.shell.open();
		// the baseline, in the same run: the same traffic while the UI thread has no view to keep up to date, which
		// is what the machine (two cores shared with the runtime, its collector) alone costs the UI thread
		selection.use(connection, null);
		Measured bare = underTraffic(traffic);

		SashForm sash = new SashForm(console.shell, SWT.VERTICAL);
		MonitorPanel monitor = new MonitorPanel(sash, selection, key -> {
		});
		new MetricsCharts(sash, selection);
		sash.setWeights(3, 1);
		console.shell.layout(true, true);
		selection.use(connection, null);
		Widgets.await(console.display, () -> monitor.table().getItemCount() > 10 && !monitor.reading(),
				() -> "the journal is shown: " + monitor.outcome().getText());
		Measured monitored = underTraffic(traffic);

		String report = String.format(Locale.ROOT, "UI thread under live traffic (%d s, one submitting thread, %s):"
				+ "%n  no view open: %s%n  the Monitor view (table and charts): %s%n  longest %.2f×, p99 %.2f× the "
				+ "baseline%n", SECONDS, where, bare, monitored,
				monitored.stalls().longestMillis() / bare.stalls().longestMillis(),
				monitored.stalls().p99Millis() / bare.stalls().p99Millis());
		System.out.print(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", reportFile), report);
		for (Measured measured : java.util.List.of(bare, monitored)) {
			assertTrue(measured.stalls().samples() > SECONDS * 20, "the watchdog probed throughout: " + measured);
			assertTrue(measured.sent().events() > SECONDS * 100, "the traffic came: " + measured);
		}
		long newest = monitored.sent().newest();
		Widgets.await(console.display, () -> monitor.table().getItemCount() > 0
				&& monitor.table().getItem(0).getData() instanceof MessageSummary top && top.id() == newest,
				() -> "once the traffic stops, the newest message " + newest + " is on top");
		Widgets.capture(console.shell, reportFile.replace("ui-watchdog", "monitor-under-load").replace(".txt",
				".png"));
	}

	/** Ten seconds of traffic at the rate, the UI thread running its event loop, the watchdog probing it. */
	private Measured underTraffic(Traffic traffic) throws Exception {
		try (UiWatchdog watchdog = UiWatchdog.start(console.display, java.time.Duration.ofMillis(5),
				java.time.Duration.ofMillis(Long.getLong("probe.reportMillis", 2000)),
				report -> System.out.println("watchdog: " + report))) {
			dispatchFor(1_000); // what was shown settles; the watchdog's first probes warm up
			watchdog.reset();
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			long uiCpu = threads.getThreadCpuTime(console.display.getThread().getId());
			CompletableFuture<LiveTraffic.Sent> sending = traffic.send(EVENTS_PER_SECOND, SECONDS);
			dispatchFor(SECONDS * 1_000L);
			LiveTraffic.Sent sent = sending.get(SECONDS * 3L, TimeUnit.SECONDS);
			return new Measured(sent, watchdog.stalls(),
					(threads.getThreadCpuTime(console.display.getThread().getId()) - uiCpu) / 1e6);
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
