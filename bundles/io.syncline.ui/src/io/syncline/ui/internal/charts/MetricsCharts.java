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
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
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
	private final Composite bar;
	private final Combo shown;
	private Arrangement arrangement;
	private final Combo window;
	private final Label status;
	private final FlowChart throughput;
	private final FlowChart failures;
	private final FlowChart latency;
	private final Consumer<RuntimeSelection.Active> onActive = active -> UiJobs.later(this, this::refresh);
	private boolean reading;
	/** A refresh was asked for while a read was under way. */
	private boolean again;
	private long readAt;

	public MetricsCharts(Composite parent, RuntimeSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 2).equalWidth(true).applyTo(this);
		bar = new Composite(this, SWT.NONE);
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
		shown = AccessibleNames.named(new Combo(bar, SWT.READ_ONLY), "Chart shown");
		GridDataFactory.swtDefaults().exclude(true).applyTo(shown);
		shown.setVisible(false);
		shown.addListener(SWT.Selection, e -> {
			arrangement = null;
			arrange();
		});
		status = AccessibleNames.named(new Label(bar, SWT.WRAP), "Charts status");
		// a line of its own under the choices: beside them, a narrow view left it a few pixels to wrap in
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(100, SWT.DEFAULT).applyTo(status);
		throughput = chart("Throughput per flow", "messages", true);
		failures = chart("Failures per flow", "failed", true);
		latency = chart("p95 latency per flow", "ms", false);
		for (FlowChart chart : charts()) {
			shown.add(chart.title());
		}
		shown.select(0);
		addListener(SWT.Resize, e -> arrange());
		selection.addListener(onActive);
		addListener(SWT.Dispose, e -> selection.removeListener(onActive));
		getDisplay().timerExec(REFRESH_MILLIS, this::refreshWhileShown);
	}

	private FlowChart chart(String title, String unit, boolean additive) {
		FlowChart chart = new FlowChart(this, title, unit, additive);
		GridDataFactory.fillDefaults().grab(true, true).hint(200, 120).applyTo(chart);
		return chart;
	}

	/** How the charts share the space they have. */
	private enum Arrangement {
		/** Side by side: a wide strip (the monitor's width on a desktop). */
		ROW,
		/** One above the other: a tall view. */
		COLUMN,
		/** One at a time, chosen in the bar: a laptop's corner, where three would each be too small to draw. */
		ONE
	}

	/** The smallest size at which a chart draws its lines, axes and legend readably. */
	private static final int CHART_WIDTH = 220;
	private static final int CHART_HEIGHT = 150;

	private void arrange() {
		Rectangle area = getClientArea();
		int below = area.height - bar.computeSize(area.width, SWT.DEFAULT).y;
		Arrangement wanted = area.width >= 3 * CHART_WIDTH && below >= CHART_HEIGHT ? Arrangement.ROW
				: below >= 3 * CHART_HEIGHT ? Arrangement.COLUMN : Arrangement.ONE;
		if (wanted == arrangement) {
			return;
		}
		arrangement = wanted;
		GridLayout layout = (GridLayout) getLayout();
		layout.numColumns = wanted == Arrangement.ROW ? 3 : 1;
		layout.makeColumnsEqualWidth = wanted == Arrangement.ROW;
		((GridData) bar.getLayoutData()).horizontalSpan = layout.numColumns;
		List<FlowChart> charts = charts();
		for (int i = 0; i < charts.size(); i++) {
			boolean visible = wanted != Arrangement.ONE || i == Math.max(0, shown.getSelectionIndex());
			((GridData) charts.get(i).getLayoutData()).exclude = !visible;
			charts.get(i).setVisible(visible);
		}
		((GridData) shown.getLayoutData()).exclude = wanted != Arrangement.ONE;
		shown.setVisible(wanted == Arrangement.ONE);
		layout(true, true);
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

	/**
	 * Reads the chosen window from the active runtime in a Job. A refresh asked for while a read is under way runs
	 * when it ends, and a read of a runtime that is no longer the active one is dropped: until both, a switch made
	 * during a read left the charts on "Connecting…", or on the runtime switched from, until the next tick.
	 */
	public void refresh() {
		IntegrationRuntime runtime = selection.active().runtime();
		if (runtime == null) {
			status.setText(selection.active().message());
			return;
		}
		if (reading) {
			again = true;
			return;
		}
		reading = true;
		again = false;
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
				if (readAgain(runtime)) {
					return;
				}
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
			if (!readAgain(runtime)) {
				status.setText(failure);
			}
		});
	}

	/** Ends a read of {@code runtime}; reads again, and says so, if it is stale or a refresh waited for it. */
	private boolean readAgain(IntegrationRuntime runtime) {
		reading = false;
		if (again || runtime != selection.active().runtime()) {
			refresh();
			return true;
		}
		return false;
	}

	public Combo window() {
		return window;
	}

	public Label status() {
		return status;
	}

	/** The chooser of the one chart shown where there is room for one only; hidden otherwise. */
	public Combo shown() {
		return shown;
	}

	public List<FlowChart> charts() {
		return List.of(throughput, failures, latency);
	}
}
