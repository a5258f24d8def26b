package io.syncline.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.partners.PartnersPanel;

/** Partners, their endpoints with how each fares, and their flows (see {@link PartnersPanel}). */
public final class PartnersView extends SelectionView {

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		PartnersPanel panel = new PartnersPanel(parent, selection);
		panel.reload();
		return panel;
	}
}
