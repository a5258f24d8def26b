package io.syncline.ui.about;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;

import io.syncline.branding.Branding;

/** Help &gt; About, with the branded name and the running version. */
public final class AboutAction extends Action {

	private final IWorkbenchWindow window;

	public AboutAction(IWorkbenchWindow window) {
		super("&About " + Branding.current().productName());
		this.window = window;
		setId(ActionFactory.ABOUT.getId());
	}

	@Override
	public void run() {
		new AboutDialog(window.getShell(), ProductInfo.current()).open();
	}
}
