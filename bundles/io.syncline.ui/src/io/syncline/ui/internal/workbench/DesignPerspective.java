package io.syncline.ui.internal.workbench;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Analysts design mappings: the mapping list on the left, the editor area for the mapping editor. */
public final class DesignPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(true);
		layout.addView(Perspectives.MAPPINGS_VIEW, IPageLayout.LEFT, 0.28f, layout.getEditorArea());
		layout.addPerspectiveShortcut(Perspectives.OPERATIONS);
		layout.addPerspectiveShortcut(Perspectives.RUNTIMES);
	}
}
