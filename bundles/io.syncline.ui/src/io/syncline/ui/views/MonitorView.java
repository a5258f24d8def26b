package io.syncline.ui.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.handlers.IHandlerService;

import io.syncline.ui.internal.charts.MetricsCharts;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.monitor.MonitorPanel;

/** The transaction monitor (see {@link MonitorPanel}) over its charts ({@link MetricsCharts}); Enter on a row opens its trace in the Trace view. */
public final class MonitorView extends SelectionView {

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		MonitorPanel panel = new MonitorPanel(sash, selection, this::openTrace);
		new MetricsCharts(sash, selection);
		sash.setWeights(3, 1);
		// Ctrl+F is the workbench's Find: in this view, it finds a business key
		IHandlerService handlers = getSite().getService(IHandlerService.class);
		if (handlers != null) {
			handlers.activateHandler(IWorkbenchCommandConstants.EDIT_FIND_AND_REPLACE, new AbstractHandler() {
				@Override
				public Object execute(ExecutionEvent event) {
					panel.focusSearch();
					return null;
				}
			});
		}
		return sash;
	}

	private void openTrace(String businessKey) {
		Links.trace(this, businessKey);
	}
}
