package io.syncline.ui.internal.workbench;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Support staff watch transactions (top), work the exception queue (bottom left) and trace a key (bottom right). */
public final class OperationsPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		layout.addView(Perspectives.MONITOR_VIEW, IPageLayout.TOP, 0.55f, layout.getEditorArea());
		layout.addView(Perspectives.EXCEPTIONS_VIEW, IPageLayout.BOTTOM, 0.45f, Perspectives.MONITOR_VIEW);
		layout.addView(Perspectives.TRACE_VIEW, IPageLayout.RIGHT, 0.45f, Perspectives.EXCEPTIONS_VIEW);
		layout.addPerspectiveShortcut(Perspectives.DESIGN);
		layout.addPerspectiveShortcut(Perspectives.RUNTIMES);
	}
}
