package io.syncline.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.exceptions.ExceptionsPanel;

/** The exception queue and its resolution (see {@link ExceptionsPanel}). */
public final class ExceptionsView extends SelectionView {

	private Long pending;

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		ExceptionsPanel panel = new ExceptionsPanel(parent, selection);
		if (pending != null) {
			panel.showException(pending);
			pending = null;
		}
		return panel;
	}

	/** Shows one exception in the editor, now or as soon as the view has its content. */
	public void showException(long exceptionId) {
		if (content() instanceof ExceptionsPanel panel) {
			panel.showException(exceptionId);
		} else {
			pending = exceptionId;
		}
	}
}
