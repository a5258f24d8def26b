package io.syncline.ui.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.handlers.IHandlerService;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.monitor.MonitorPanel;

/**
 * The transaction monitor (see {@link MonitorPanel}); Enter on a row opens its trace in the Trace view. Its charts
 * are the Charts view beside it.
 */
public final class MonitorView extends SelectionView {

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		MonitorPanel panel = new MonitorPanel(parent, selection, this::openTrace);
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
		return panel;
	}

	private void openTrace(String businessKey) {
		Links.trace(this, businessKey);
	}
}
