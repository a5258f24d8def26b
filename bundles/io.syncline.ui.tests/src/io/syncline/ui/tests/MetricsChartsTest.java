package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;


import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.NewTenant;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.runtime.api.FlowMetricsPoint;
import io.syncline.ui.internal.charts.ChartSeries;
import io.syncline.ui.internal.charts.FlowChart;
import io.syncline.ui.internal.charts.MetricsCharts;
import io.syncline.ui.internal.connections.Connection;
import io.syncline.ui.internal.connections.RuntimeSelection;

/**
 * The monitor's charts over the demo tenant on a local runtime: what they draw is what the runtime's metrics say,
 * they say it in words to a screen reader, the lines are on screen, and another window is read again.
 */
class MetricsChartsTest {

	@TempDir
	Path dir;

	private HarborConsole console;
	private RuntimeSelection selection;

	@BeforeEach
	void harbor() throws Exception {
		console = HarborConsole.open(dir);
		selection = console.localSelection();
	}

	@AfterEach
	void close() throws Exception {
		console.close();
	}

	/** Charts on the demo's local runtime in a window of this size, once they have read it. */
	private MetricsCharts readCharts(int width, int height) throws Exception {
		MetricsCharts charts = charts(selection, width, height);
		selection.use(Connection.local(), null);
		await(() -> charts.status().getText().contains("messages in"), () -> charts.status().getText());
		return charts;
	}

	private MetricsCharts charts(RuntimeSelection over, int width, int height) {
		MetricsCharts charts = new MetricsCharts(console.shell, over);
		console.shell.setSize(width, height);
		console.shell.open();
		return charts;
	}

	@Test
	void theChartsDrawTheRuntimesMetricsAndSayThemInWords() throws Exception {
		MetricsCharts charts = readCharts(1200, 320);

		List<FlowMetricsPoint> points = console.local.metricsSeries(60, 1);
		long messages = points.stream().mapToLong(FlowMetricsPoint::messages).sum();
		assertTrue(messages >= 16, "the demo's documents are in the last hour: " + points);
		FlowChart throughput = charts.charts().get(0);
		long drawn = throughput.series().values().keySet().stream().mapToLong(throughput.series()::total).sum();
		assertEquals(messages, drawn, "the chart draws what the runtime counted");
		assertEquals(60, throughput.series().buckets().size(), "an hour by the minute");
		for (FlowMetricsPoint point : points) {
			assertTrue(throughput.summary().contains(point.flow() + " "), throughput.summary());
		}
		assertTrue(charts.status().getText().startsWith(messages + " messages"), charts.status().getText());
		FlowChart latency = charts.charts().get(2);
		assertTrue(latency.summary().matches("p95 latency per flow: .* peak \\d+ ms at \\d\\d:\\d\\d.*"),
				latency.summary());
		assertTrue(charts.charts().get(1).summary().startsWith("Failures per flow:"));

		awaitFirstLineDrawn(charts, throughput, "monitor-charts.png");

		charts.window().select(0);
		charts.window().notifyListeners(SWT.Selection, null);
		await(() -> charts.status().getText().contains("last 15 minutes"), () -> charts.status().getText());
		assertEquals(15, throughput.series().buckets().size());
		assertEquals(messages, throughput.series().values().keySet().stream().mapToLong(throughput.series()::total)
				.sum(), "the demo was loaded in the last few minutes");
	}

	/**
	 * In a laptop's corner (the Charts view beside the transactions at 1280×800) three charts would each be too
	 * small to draw a line: one is shown at a time, chosen in the bar; wide, all three stand side by side again.
	 */
	@Test
	void whereThereIsRoomForOneChartItIsChosenAndDrawn() throws Exception {
		MetricsCharts charts = readCharts(460, 300);
		assertTrue(charts.shown().isVisible(), "the chooser is shown");
		assertEquals(List.of(true, false, false), charts.charts().stream().map(c -> c.isVisible()).toList());
		FlowChart throughput = charts.charts().get(0);
		assertTrue(throughput.getSize().y >= 150, "the one chart has room to draw: " + throughput.getSize());
		awaitFirstLineDrawn(charts, throughput, "charts-one-at-a-time.png");

		charts.shown().select(2);
		charts.shown().notifyListeners(SWT.Selection, null);
		assertEquals(List.of(false, false, true), charts.charts().stream().map(c -> c.isVisible()).toList(),
				"the latency chart instead");

		console.shell.setSize(1200, 320);
		await(() -> charts.charts().stream().allMatch(c -> c.isVisible()) && !charts.shown().isVisible(),
				() -> "side by side when wide");
	}

	/**
	 * The "Connecting…" flash: a switch of tenant made while the charts were reading left them on what that read
	 * brought (or on "Connecting…") until the next tick, ten seconds later, because the refresh the switch asked
	 * for was dropped while a read was under way. The harbor runtime's read is held here until the switch to
	 * northstar is made, as a slow remote runtime would hold it.
	 */
	@Test
	void aSwitchMadeWhileTheChartsReadIsShownWithoutWaitingForTheNextTick() throws Exception {
		console.local.createTenant(new NewTenant("northstar", "Northstar Industrial", "harbor", null, "second customer"));
		CountDownLatch held = new CountDownLatch(1);
		AtomicInteger reads = new AtomicInteger();
		IntegrationRuntime slowHarbor = (IntegrationRuntime) Proxy.newProxyInstance(
				IntegrationRuntime.class.getClassLoader(), new Class<?>[] { IntegrationRuntime.class },
				(proxy, method, args) -> {
					if (method.getName().equals("metricsSeries")) {
						reads.incrementAndGet();
						held.await(30, TimeUnit.SECONDS);
					}
					try {
						return method.invoke(console.local, args);
					} catch (java.lang.reflect.InvocationTargetException e) {
						throw e.getCause();
					}
				});
		RuntimeSelection switching = new RuntimeSelection(console.connections(), () -> slowHarbor);
		try {
			MetricsCharts charts = charts(switching, 1200, 320);
			// hidden, the charts are not read again by their periodic tick: only a refresh the switch asked for can
			// show northstar's
			charts.setVisible(false);
			// heard after the charts' own listener, so once this runs on the UI thread, so has the charts' refresh
			AtomicInteger heardNorthstar = new AtomicInteger();
			switching.addListener(active -> {
				if (active.ready() && "northstar".equals(active.tenant())) {
					console.display.asyncExec(heardNorthstar::incrementAndGet);
				}
			});
			switching.use(Connection.local(), null);
			await(() -> reads.get() == 1, () -> "the harbor read is under way");
			switching.use(Connection.local(), "northstar");
			await(() -> heardNorthstar.get() > 0, () -> "switched: " + switching.active().message());
			held.countDown(); // the harbor read ends after the switch
			await(() -> charts.status().getText().startsWith("0 messages"),
					() -> "northstar's charts (no messages yet), not harbor's: " + charts.status().getText());
		} finally {
			held.countDown();
			switching.close();
		}
	}

	@Test
	void seriesFillQuietBucketsWithZeroAndDropWhatIsOutsideTheWindow() {
		Instant first = Instant.parse("2026-12-03T08:00:00Z");
		List<FlowMetricsPoint> points = List.of(new FlowMetricsPoint("orders", first, 3, 1, 10, 40),
				new FlowMetricsPoint("orders", first.plusSeconds(600), 5, 0, 12, 30),
				new FlowMetricsPoint("catalog", first.plusSeconds(300), 7, 2, 8, 9),
				new FlowMetricsPoint("catalog", first.minusSeconds(300), 100, 0, 1, 1));
		ChartSeries series = ChartSeries.of(points, first, Duration.ofMinutes(5), 3, FlowMetricsPoint::messages);
		assertEquals(List.of("catalog", "orders"), List.copyOf(series.values().keySet()));
		assertEquals(List.of(3L, 0L, 5L), java.util.Arrays.stream(series.values().get("orders")).boxed().toList());
		assertEquals(7, series.total("catalog"), "the point before the window is left out");
		assertEquals(2, series.peak("orders"));
		assertEquals(7, series.max());
	}

	/**
	 * Waits for the pixels once GTK has painted what was read: a capture taken while a switch of runtime still
	 * settles can show the view between two reads.
	 */
	private void awaitFirstLineDrawn(MetricsCharts charts, FlowChart chart, String screenshot) throws Exception {
		Rectangle area = console.display.map(chart, console.shell, chart.getClientArea());
		int[] blue = { 0 };
		await(() -> {
			try {
				blue[0] = bluePixels(Widgets.capture(console.shell, screenshot), area);
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return blue[0] > 20;
		}, () -> "the first flow's line is drawn in its colour: " + blue[0] + " pixels of it, status "
				+ charts.status().getText());
	}

	/** Pixels near the first palette colour (0, 114, 178), allowing for antialiasing. */
	private static int bluePixels(ImageData picture, Rectangle area) {
		int found = 0;
		for (int x = Math.max(0, area.x); x < Math.min(picture.width, area.x + area.width); x++) {
			for (int y = Math.max(0, area.y); y < Math.min(picture.height, area.y + area.height); y++) {
				RGB rgb = picture.palette.getRGB(picture.getPixel(x, y));
				if (rgb.red < 60 && rgb.green > 80 && rgb.green < 150 && rgb.blue > 140 && rgb.blue < 220) {
					found++;
				}
			}
		}
		return found;
	}

	private void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
			throws InterruptedException {
		Widgets.await(console.display, condition, what);
	}
}
