package io.syncline.ui.internal.workbench;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Support staff watch transactions (top left) and their charts (top right); work the exception queue, the SLA board
 * and the audit (bottom left, the wider part: a queue and its detail side by side); trace a key and explain ATP
 * (bottom right). Laid out for a 1280×800 laptop first: every view on screen, none maximized.
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
		layout.addView(Perspectives.CHARTS_VIEW, IPageLayout.RIGHT, 0.64f, Perspectives.MONITOR_VIEW);
		IFolderLayout follow = layout.createFolder("io.syncline.ui.folder.follow", IPageLayout.RIGHT, 0.6f,
				"io.syncline.ui.folder.queue");
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
