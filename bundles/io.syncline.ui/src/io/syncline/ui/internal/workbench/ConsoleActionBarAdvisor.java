package io.syncline.ui.internal.workbench;

import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.action.StatusLineContributionItem;
import org.eclipse.swt.widgets.Display;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

import io.syncline.ui.about.AboutAction;
import io.syncline.ui.internal.connections.LiveText;
import io.syncline.ui.internal.connections.RuntimeSelection;

final class ConsoleActionBarAdvisor extends ActionBarAdvisor {

	private IAction quit;
	private IAction preferences;
	private IAction resetPerspective;
	private IAction about;
	private IAction save;
	private IAction undo;
	private IAction redo;
	private IAction delete;

	private final RuntimeSelection selection;

	ConsoleActionBarAdvisor(IActionBarConfigurer configurer, RuntimeSelection selection) {
		super(configurer);
		this.selection = selection;
	}

	/** The active runtime and tenant, or why none is usable, always in view. */
	@Override
	protected void fillStatusLine(IStatusLineManager statusLine) {
		if (selection == null) {
			return;
		}
		StatusLineContributionItem active = new StatusLineContributionItem("io.syncline.ui.status.runtime", 70);
		statusLine.add(active);
		Display display = Display.getCurrent();
		selection.addListener(now -> display.asyncExec(() -> active.setText(now.message())));
		StatusLineContributionItem live = new StatusLineContributionItem("io.syncline.ui.status.events", 60);
		statusLine.add(live);
		selection.events().addStateListener(state -> display.asyncExec(() -> live.setText(LiveText.of(state))));
	}

	@Override
	protected void makeActions(IWorkbenchWindow window) {
		quit = registered(ActionFactory.QUIT.create(window));
		save = registered(ActionFactory.SAVE.create(window));
		undo = registered(ActionFactory.UNDO.create(window));
		redo = registered(ActionFactory.REDO.create(window));
		delete = registered(ActionFactory.DELETE.create(window));
		preferences = registered(ActionFactory.PREFERENCES.create(window));
		resetPerspective = registered(ActionFactory.RESET_PERSPECTIVE.create(window));
		about = registered(new AboutAction(window));
	}

	private IAction registered(IAction action) {
		register(action);
		return action;
	}

	@Override
	protected void fillMenuBar(IMenuManager menuBar) {
		IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();

		MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
		file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		file.add(save);
		file.add(new Separator());
		file.add(quit);

		// editors (the mapping editor) supply what these do: undo and redo on their command stack
		MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
		edit.add(undo);
		edit.add(redo);
		edit.add(new Separator());
		edit.add(delete);
		edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));

		MenuManager openPerspective = new MenuManager("&Open Perspective", "openPerspective");
		openPerspective.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
		MenuManager showView = new MenuManager("Show &View", "showView");
		showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
		MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
		windowMenu.add(openPerspective);
		windowMenu.add(showView);
		windowMenu.add(resetPerspective);
		windowMenu.add(new Separator());
		windowMenu.add(preferences);

		MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
		help.add(about);

		menuBar.add(file);
		menuBar.add(edit);
		menuBar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		menuBar.add(windowMenu);
		menuBar.add(help);
	}
}
