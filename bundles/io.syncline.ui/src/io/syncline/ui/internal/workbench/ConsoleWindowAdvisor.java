package io.syncline.ui.internal.workbench;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import io.syncline.branding.Branding;
import io.syncline.ui.internal.connections.RuntimeSelection;

final class ConsoleWindowAdvisor extends WorkbenchWindowAdvisor {

	private final RuntimeSelection selection;

	ConsoleWindowAdvisor(IWorkbenchWindowConfigurer configurer, RuntimeSelection selection) {
		super(configurer);
		this.selection = selection;
	}

	@Override
	public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
		return new ConsoleActionBarAdvisor(configurer, selection);
	}

	@Override
	public void preWindowOpen() {
		IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
		configurer.setTitle(Branding.current().windowTitle());
		configurer.setInitialSize(new Point(1280, 800));
		configurer.setShowMenuBar(true);
		configurer.setShowCoolBar(true); // the runtime and tenant switcher
		configurer.setShowPerspectiveBar(true);
		configurer.setShowStatusLine(true);
		configurer.setShowProgressIndicator(true);
	}
}
