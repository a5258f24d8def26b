package io.syncline.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.operations.AuditPanel;

/** Who did what, when and why (see {@link AuditPanel}). */
public final class AuditView extends SelectionView {

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		return new AuditPanel(parent, selection);
	}
}
