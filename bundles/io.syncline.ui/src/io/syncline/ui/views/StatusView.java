package io.syncline.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** A view that shows its title and the state of its data source until it has live content. */
public abstract class StatusView extends ViewPart {

	/** Shown by views that need a runtime until one is connected. */
	public static final String NO_RUNTIME = "No runtime connected. Connect to the local runtime or a remote one in the Runtimes perspective.";

	private StatusPanel panel;

	protected abstract String heading();

	protected abstract String statusMessage();

	@Override
	public void createPartControl(Composite parent) {
		panel = new StatusPanel(parent, heading(), statusMessage());
	}

	public StatusPanel panel() {
		return panel;
	}

	@Override
	public void setFocus() {
		panel.setFocus();
	}
}
