package io.syncline.ui.internal.workbench;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.SideValue;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimBar;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import io.syncline.branding.Branding;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.internal.connections.SwitcherTrim;
import io.syncline.ui.preferences.PreferenceKeys;

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
		// the switcher's trim control is made from the window's context: the selection must be there first
		configurer.getWindow().getService(IEclipseContext.class).set(RuntimeSelection.class, selection);
		configurer.setTitle(Branding.current().windowTitle());
		Rectangle screen = Display.getCurrent().getPrimaryMonitor().getClientArea();
		configurer.setInitialSize(new Point(screen.width, screen.height)); // a window the workbench restores keeps its own
		configurer.setShowMenuBar(true);
		configurer.setShowCoolBar(true);
		configurer.setShowPerspectiveBar(true);
		configurer.setShowStatusLine(true);
		configurer.setShowProgressIndicator(true);
	}

	/**
	 * A first start fills the screen (a support desk works with the window maximized); later starts come back to
	 * the size and place the user left, which the workbench restores with the perspectives' layouts.
	 */
	@Override
	public void postWindowCreate() {
		addSwitcher();
		Shell shell = getWindowConfigurer().getWindow().getShell();
		IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(PreferenceKeys.QUALIFIER);
		if (!preferences.getBoolean(WINDOW_PLACED, false)) {
			Rectangle screen = shell.getMonitor().getClientArea();
			shell.setBounds(screen);
			shell.setMaximized(true);
			preferences.putBoolean(WINDOW_PLACED, true);
		}
	}

	/**
	 * The runtime and tenant switcher at the start of the window's top trim, once (a restored window has it from
	 * the model it saved); it finds the selection in the workbench's context.
	 */
	private void addSwitcher() {
		IWorkbenchWindow window = getWindowConfigurer().getWindow();
		MWindow model = window.getService(MWindow.class);
		EModelService models = window.getService(EModelService.class);
		if (!(model instanceof MTrimmedWindow trimmed) || models == null) {
			return;
		}
		MTrimBar top = models.getTrim(trimmed, SideValue.TOP);
		if (models.find(SwitcherTrim.ID, top) == null) {
			MToolControl switcher = models.createModelElement(MToolControl.class);
			switcher.setElementId(SwitcherTrim.ID);
			switcher.setContributionURI(SwitcherTrim.CONTRIBUTION);
			top.getChildren().add(0, switcher);
		}
	}

	/** Set once the window has been placed on a first start. */
	private static final String WINDOW_PLACED = "window.placed";
}
