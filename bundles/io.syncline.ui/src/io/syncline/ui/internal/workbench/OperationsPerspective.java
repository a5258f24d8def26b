package io.syncline.ui.internal.workbench;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Support staff watch transactions (top left) beside their charts, the trace of the one opened and ATP explained
 * (top right, a tab each: Enter on a transaction brings its trace up next to it); below, across the whole width,
 * they work the exception queue beside the selected exception's payload and actions, the SLA board and the audit.
 * Laid out for a 1280×800 laptop first: the exception's actions in one row, no view maximized.
 */
public final class OperationsPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		layout.addView(Perspectives.MONITOR_VIEW, IPageLayout.TOP, 0.45f, layout.getEditorArea());
		IFolderLayout queue = layout.createFolder("io.syncline.ui.folder.queue", IPageLayout.BOTTOM, 0.45f,
				Perspectives.MONITOR_VIEW);
		queue.addView(Perspectives.EXCEPTIONS_VIEW);
		queue.addView(Perspectives.SLA_VIEW);
		queue.addView(Perspectives.AUDIT_VIEW);
		IFolderLayout follow = layout.createFolder("io.syncline.ui.folder.follow", IPageLayout.RIGHT, 0.64f,
				Perspectives.MONITOR_VIEW);
		follow.addView(Perspectives.CHARTS_VIEW);
		follow.addView(Perspectives.TRACE_VIEW);
		follow.addView(Perspectives.ATP_VIEW);
		for (String view : new String[] { Perspectives.MONITOR_VIEW, Perspectives.CHARTS_VIEW, Perspectives.EXCEPTIONS_VIEW,
				Perspectives.TRACE_VIEW, Perspectives.SLA_VIEW, Perspectives.ATP_VIEW, Perspectives.AUDIT_VIEW }) {
			layout.addShowViewShortcut(view);
		}
		layout.addPerspectiveShortcut(Perspectives.DESIGN);
		layout.addPerspectiveShortcut(Perspectives.RUNTIMES);
	}
}
