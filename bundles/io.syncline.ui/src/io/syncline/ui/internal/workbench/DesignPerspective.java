package io.syncline.ui.internal.workbench;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Analysts design mappings: the mapping explorer on the left, wide enough at 1280x800 for what each mapping maps;
 * the rest for the mapping editor's trees, lines, preview and rule list.
 */
public final class DesignPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(true);
		layout.addView(Perspectives.MAPPINGS_VIEW, IPageLayout.LEFT, 0.31f, layout.getEditorArea());
		layout.addPerspectiveShortcut(Perspectives.OPERATIONS);
		layout.addPerspectiveShortcut(Perspectives.RUNTIMES);
	}
}
