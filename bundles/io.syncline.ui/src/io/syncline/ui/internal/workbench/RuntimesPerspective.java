package io.syncline.ui.internal.workbench;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Connections to the local (embedded) runtime and to remote runtimes; the active tenant's partners below them. */
public final class RuntimesPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		layout.addStandaloneView(Perspectives.RUNTIMES_VIEW, true, IPageLayout.TOP, 1.0f, layout.getEditorArea());
		// the Runtimes view keeps the height its five buttons need at 1280×800; the Partners tree scrolls below it
		layout.addView(Perspectives.PARTNERS_VIEW, IPageLayout.BOTTOM, 0.62f, Perspectives.RUNTIMES_VIEW);
		layout.addPerspectiveShortcut(Perspectives.DESIGN);
		layout.addPerspectiveShortcut(Perspectives.OPERATIONS);
	}
}
