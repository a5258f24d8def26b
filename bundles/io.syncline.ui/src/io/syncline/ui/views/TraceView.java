package io.syncline.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.monitor.TracePanel;

/** The trace of a business key (see {@link TracePanel}), opened from the monitor or by typing the key. */
public final class TraceView extends SelectionView {

	private String pending;

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		TracePanel panel = new TracePanel(parent, selection);
		if (pending != null) {
			panel.open(pending);
			pending = null;
		}
		return panel;
	}

	/** Shows the trace of the key, now or as soon as the view has its content. */
	public void open(String businessKey) {
		if (content() instanceof TracePanel panel) {
			panel.open(businessKey);
		} else {
			pending = businessKey;
		}
	}
}
