package io.syncline.ui.internal.charts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleControlAdapter;
import org.eclipse.swt.accessibility.AccessibleControlEvent;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A line chart per flow over time, drawn with GC: SWTChart needs Java 21 and this platform is 17, and three small
 * charts do not need a charting library. A picture says nothing to a screen reader, so the chart's accessible
 * description is its summary in words (each flow's total and peak), and it takes focus so that it can be read.
 */
public final class FlowChart extends Canvas {

	/** Colours told apart by people with the common colour blindnesses (Okabe and Ito). */
	private static final RGB[] PALETTE = { new RGB(0, 114, 178), new RGB(230, 159, 0), new RGB(0, 158, 115),
			new RGB(204, 121, 167), new RGB(86, 180, 233), new RGB(213, 94, 0), new RGB(0, 0, 0) };
	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
	private static final int MARGIN = 6;

	private final String title;
	private final String unit;
	private final boolean additive;
	private ChartSeries series = new ChartSeries(List.of(), Map.of());
	private ZoneId zone = ZoneId.systemDefault();

	/** @param additive whether a flow's values add up to a total (counts do; latencies do not) */
	public FlowChart(Composite parent, String title, String unit, boolean additive) {
		super(parent, SWT.DOUBLE_BUFFERED);
		this.title = title;
		this.unit = unit;
		this.additive = additive;
		addPaintListener(e -> paint(e.gc));
		addListener(SWT.Resize, e -> redraw());
		// Tab moves on from the chart as from any field; it takes focus so a screen reader reads its description
		addListener(SWT.Traverse, e -> e.doit = true);
		addListener(SWT.FocusIn, e -> redraw());
		addListener(SWT.FocusOut, e -> redraw());
		getAccessible().addAccessibleListener(new AccessibleAdapter() {
			@Override
			public void getName(AccessibleEvent e) {
				e.result = FlowChart.this.title;
			}

			@Override
			public void getDescription(AccessibleEvent e) {
				e.result = summary();
			}
		});
		getAccessible().addAccessibleControlListener(new AccessibleControlAdapter() {
			@Override
			public void getRole(AccessibleControlEvent e) {
				e.detail = ACC.ROLE_GRAPHIC;
			}

			@Override
			public void getValue(AccessibleControlEvent e) {
				e.result = summary();
			}
		});
	}

	public String title() {
		return title;
	}

	public void show(ChartSeries shown, ZoneId in) {
		series = shown;
		zone = in;
		redraw();
	}

	public ChartSeries series() {
		return series;
	}

	/** In words: each flow's total (if it has one) and where it peaked, or that there was no traffic. */
	public String summary() {
		if (series.values().isEmpty()) {
			return title + ": no traffic in this window.";
		}
		StringBuilder text = new StringBuilder(title).append(':');
		String separator = " ";
		for (String flow : series.values().keySet()) {
			int peak = series.peak(flow);
			text.append(separator).append(flow);
			if (additive) {
				text.append(' ').append(series.total(flow)).append(' ').append(unit).append(',');
			}
			text.append(" peak ").append(series.values().get(flow)[peak]).append(additive ? "" : " " + unit).append(" at ")
					.append(CLOCK.format(series.buckets().get(peak).atZone(zone)));
			separator = "; ";
		}
		return text.append('.').toString();
	}

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		gc.setAntialias(SWT.ON);
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
		int lineHeight = gc.getFontMetrics().getHeight();
		gc.drawString(title, MARGIN, MARGIN / 2, true);
		if (isFocusControl()) {
			gc.drawFocus(0, 0, area.width, area.height);
		}
		List<String> flows = List.copyOf(series.values().keySet());
		List<Point> legend = legendPlaces(gc, flows, area.width);
		int legendRows = legend.isEmpty() ? 0 : legend.get(legend.size() - 1).y + 1;
		int legendTop = area.height - legendRows * lineHeight - MARGIN / 2;
		long step = niceCeiling((series.max() + 3) / 4);
		Rectangle plot = new Rectangle(MARGIN + gc.stringExtent(Long.toString(step * 4)).x + 4, lineHeight + MARGIN,
				0, 0);
		plot.width = area.width - plot.x - MARGIN;
		plot.height = legendTop - lineHeight - MARGIN - plot.y;
		if (plot.width < 20 || plot.height < 20 || series.buckets().isEmpty()) {
			return;
		}
		axes(gc, plot, step);
		for (int f = 0; f < flows.size(); f++) {
			Color colour = new Color(getDisplay(), PALETTE[f % PALETTE.length]);
			try {
				gc.setForeground(colour);
				gc.setBackground(colour);
				gc.setLineWidth(2);
				line(gc, plot, step * 4, series.values().get(flows.get(f)), additive);
				gc.setLineWidth(1);
				Point place = legend.get(f);
				int y = legendTop + place.y * lineHeight;
				gc.fillRectangle(place.x, y + lineHeight / 3, 10, lineHeight / 3);
				gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
				gc.drawString(flows.get(f), place.x + 14, y, true);
			} finally {
				colour.dispose();
			}
		}
	}

	/** Where each flow's legend entry goes: x in pixels, y in rows, wrapping at the chart's width. */
	private static List<Point> legendPlaces(GC gc, List<String> flows, int width) {
		List<Point> places = new java.util.ArrayList<>();
		int x = MARGIN;
		int row = 0;
		for (String flow : flows) {
			int entry = 14 + gc.stringExtent(flow).x + 12;
			if (x > MARGIN && x + entry > width) {
				x = MARGIN;
				row++;
			}
			places.add(new Point(x, row));
			x += entry;
		}
		return places;
	}

	/** Four gridlines {@code step} apart, labelled every other one, and the window's first and last minute. */
	private void axes(GC gc, Rectangle plot, long step) {
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
		for (int line = 0; line <= 4; line++) {
			int y = plot.y + plot.height - plot.height * line / 4;
			gc.drawLine(plot.x, y, plot.x + plot.width, y);
		}
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
		for (int line = 0; line <= 4; line += 2) {
			String label = Long.toString(step * line);
			Point extent = gc.stringExtent(label);
			gc.drawString(label, plot.x - extent.x - 4, plot.y + plot.height - plot.height * line / 4 - extent.y / 2,
					true);
		}
		List<java.time.Instant> buckets = series.buckets();
		String first = CLOCK.format(buckets.get(0).atZone(zone));
		String last = CLOCK.format(buckets.get(buckets.size() - 1).atZone(zone));
		gc.drawString(first, plot.x, plot.y + plot.height + 2, true);
		gc.drawString(last, plot.x + plot.width - gc.stringExtent(last).x, plot.y + plot.height + 2, true);
	}

	/**
	 * A count is a line through every bucket, quiet ones at 0. A latency is only known where there was traffic:
	 * lines join neighbouring buckets that had some, and a lone one is a dot.
	 */
	private static void line(GC gc, Rectangle plot, long top, long[] values, boolean additive) {
		int previousX = -1;
		int previousY = -1;
		for (int i = 0; i < values.length; i++) {
			int x = plot.x + (values.length == 1 ? plot.width / 2 : plot.width * i / (values.length - 1));
			int y = plot.y + plot.height - (int) (plot.height * values[i] / Math.max(top, 1));
			boolean known = additive || values[i] > 0;
			if (known && previousX >= 0) {
				gc.drawLine(previousX, previousY, x, y);
			} else if (known && (i + 1 == values.length || (!additive && values[i + 1] == 0))) {
				gc.fillOval(x - 3, y - 3, 6, 6);
			}
			previousX = known ? x : -1;
			previousY = y;
		}
	}

	/** 1, 2 or 5 times a power of ten, at least {@code value}: gridlines at round numbers. */
	static long niceCeiling(long value) {
		long power = 1;
		while (true) {
			for (long step : new long[] { 1, 2, 5 }) {
				if (step * power >= value) {
					return Math.max(step * power, 1);
				}
			}
			power *= 10;
		}
	}
}
