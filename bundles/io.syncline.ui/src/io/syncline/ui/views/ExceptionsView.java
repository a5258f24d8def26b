package io.syncline.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.exceptions.ExceptionsPanel;

/** The exception queue and its resolution (see {@link ExceptionsPanel}). */
public final class ExceptionsView extends SelectionView {

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		return new ExceptionsPanel(parent, selection);
	}
}
