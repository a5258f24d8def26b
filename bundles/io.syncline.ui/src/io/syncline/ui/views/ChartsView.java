package io.syncline.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.charts.MetricsCharts;
import io.syncline.ui.internal.connections.RuntimeSelection;

/**
 * Throughput, failures and p95 latency per flow ({@link MetricsCharts}), a view of its own beside the transactions:
 * the workbench sizes, hides and restores it like any view, and remembers where the user put it.
 */
public final class ChartsView extends SelectionView {

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		return new MetricsCharts(parent, selection);
	}
}
