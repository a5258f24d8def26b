package io.syncline.ui.internal.charts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.syncline.runtime.api.FlowMetricsPoint;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.ui.internal.connections.AccessibleNames;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.UiJobs;

/**
 * Throughput, failures and p95 latency per flow over a chosen window, from the active runtime's metrics series;
 * read again every few seconds while shown, and at once when the runtime, tenant or window changes.
 */
public final class MetricsCharts extends Composite {

	static final int REFRESH_MILLIS = 10_000;

	/** A window and its bucket: at most 96 points per line, so a line stays readable at a few hundred pixels. */
	enum Window {
		QUARTER("Last 15 minutes", 15, 1), HOUR("Last hour", 60, 1), SIX_HOURS("Last 6 hours", 360, 5),
		DAY("Last 24 hours", 1_440, 15);

		final String label;
		final int minutes;
		final int bucketMinutes;

		Window(String label, int minutes, int bucketMinutes) {
			this.label = label;
			this.minutes = minutes;
			this.bucketMinutes = bucketMinutes;
		}
	}

	private final RuntimeSelection selection;
	private final Combo window;
	private final Label status;
	private final FlowChart throughput;
	private final FlowChart failures;
	private final FlowChart latency;
	private final Consumer<RuntimeSelection.Active> onActive = active -> UiJobs.later(this, this::refresh);
	private boolean reading;
	private long readAt;

	public MetricsCharts(Composite parent, RuntimeSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 2).equalWidth(true).applyTo(this);
		Composite bar = new Composite(this, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(bar);
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(bar);
		Label label = new Label(bar, SWT.NONE);
		label.setText("&Charts over:");
		window = AccessibleNames.named(new Combo(bar, SWT.READ_ONLY), "Chart window");
		for (Window each : Window.values()) {
			window.add(each.label);
		}
		window.select(Window.HOUR.ordinal());
		window.addListener(SWT.Selection, e -> refresh());
		status = AccessibleNames.named(new Label(bar, SWT.NONE), "Charts status");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
		throughput = chart("Throughput per flow", "messages", true);
		failures = chart("Failures per flow", "failed", true);
		latency = chart("p95 latency per flow", "ms", false);
		selection.addListener(onActive);
		addListener(SWT.Dispose, e -> selection.removeListener(onActive));
		getDisplay().timerExec(REFRESH_MILLIS, this::refreshWhileShown);
	}

	private FlowChart chart(String title, String unit, boolean additive) {
		FlowChart chart = new FlowChart(this, title, unit, additive);
		GridDataFactory.fillDefaults().grab(true, true).hint(200, 150).applyTo(chart);
		return chart;
	}

	private void refreshWhileShown() {
		if (isDisposed()) {
			return;
		}
		// a wider window has wider buckets and costs the runtime a scan of more rows: read it less often (every 10 s
		// by the minute, every 2.5 min by the quarter hour); the metrics bench reads a busy day's million rows in 4 s
		Window chosen = Window.values()[Math.max(0, window.getSelectionIndex())];
		long due = readAt + (long) REFRESH_MILLIS * chosen.bucketMinutes;
		if (isVisible() && System.currentTimeMillis() >= due) {
			refresh();
		}
		getDisplay().timerExec(REFRESH_MILLIS, this::refreshWhileShown);
	}

	/** Reads the chosen window from the active runtime in a Job, unless a read is under way. */
	public void refresh() {
		IntegrationRuntime runtime = selection.active().runtime();
		if (runtime == null) {
			status.setText(selection.active().message());
			return;
		}
		if (reading) {
			return;
		}
		reading = true;
		readAt = System.currentTimeMillis();
		Window chosen = Window.values()[Math.max(0, window.getSelectionIndex())];
		UiJobs.run(this, "Reading the metrics of " + runtime.tenantId(), () -> {
			List<FlowMetricsPoint> points = runtime.metricsSeries(chosen.minutes, chosen.bucketMinutes);
			Duration bucket = Duration.ofMinutes(chosen.bucketMinutes);
			int buckets = chosen.minutes / chosen.bucketMinutes;
			Instant first = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(chosen.minutes - 1L));
			ChartSeries messages = ChartSeries.of(points, first, bucket, buckets, FlowMetricsPoint::messages);
			ChartSeries failed = ChartSeries.of(points, first, bucket, buckets, FlowMetricsPoint::failed);
			ChartSeries p95 = ChartSeries.of(points, first, bucket, buckets, FlowMetricsPoint::p95Millis);
			return () -> {
				reading = false;
				ZoneId zone = ZoneId.systemDefault();
				throughput.show(messages, zone);
				failures.show(failed, zone);
				latency.show(p95, zone);
				long total = points.stream().mapToLong(FlowMetricsPoint::messages).sum();
				status.setText(total + " messages in " + messages.values().size() + " flows, "
						+ chosen.label.toLowerCase(java.util.Locale.ROOT) + ", by " + chosen.bucketMinutes + " min");
				status.getParent().layout(true);
			};
		}, failure -> {
			reading = false;
			status.setText(failure);
		});
	}

	public Combo window() {
		return window;
	}

	public Label status() {
		return status;
	}

	public List<FlowChart> charts() {
		return List.of(throughput, failures, latency);
	}
}
