package io.syncline.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.operations.AtpPanel;

/** Why ATP changed, per item and warehouse (see {@link AtpPanel}); a change opens the trace of its cause. */
public final class AtpView extends SelectionView {

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		return new AtpPanel(parent, selection, key -> Links.trace(this, key));
	}
}
