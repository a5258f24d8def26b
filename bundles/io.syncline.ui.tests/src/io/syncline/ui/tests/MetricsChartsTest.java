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

	@Test
	void theChartsDrawTheRuntimesMetricsAndSayThemInWords() throws Exception {
		MetricsCharts charts = new MetricsCharts(console.shell, selection);
		console.shell.setSize(1200, 320);
		console.shell.open();
		selection.use(Connection.local(), null);
		await(() -> charts.status().getText().contains("messages in"), () -> charts.status().getText());

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

		// the pixels once GTK has painted what was read: a capture taken while a switch of runtime still settles
		// can show the view between two reads
		Rectangle area = console.display.map(throughput, console.shell, throughput.getClientArea());
		int[] blue = { 0 };
		await(() -> {
			try {
				blue[0] = bluePixels(Widgets.capture(console.shell, "monitor-charts.png"), area);
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return blue[0] > 20;
		}, () -> "the first flow's line is drawn in its colour: " + blue[0] + " pixels of it, status "
				+ charts.status().getText());

		charts.window().select(0);
		charts.window().notifyListeners(SWT.Selection, null);
		await(() -> charts.status().getText().contains("last 15 minutes"), () -> charts.status().getText());
		assertEquals(15, throughput.series().buckets().size());
		assertEquals(messages, throughput.series().values().keySet().stream().mapToLong(throughput.series()::total)
				.sum(), "the demo was loaded in the last few minutes");
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
