package io.syncline.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.operations.SlaBoardPanel;

/** SLA clocks on document pairs (see {@link SlaBoardPanel}); a breach opens its exception, a clock its trace. */
public final class SlaBoardView extends SelectionView {

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		return new SlaBoardPanel(parent, selection, key -> Links.trace(this, key), id -> Links.exception(this, id));
	}
}
