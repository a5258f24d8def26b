package io.syncline.ui.internal.workbench;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Support staff watch transactions (top); work the exception queue, the SLA board and the audit (bottom left);
 * trace a key and explain ATP (bottom right).
 */
public final class OperationsPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(false);
		layout.addView(Perspectives.MONITOR_VIEW, IPageLayout.TOP, 0.55f, layout.getEditorArea());
		IFolderLayout queue = layout.createFolder("io.syncline.ui.folder.queue", IPageLayout.BOTTOM, 0.45f,
				Perspectives.MONITOR_VIEW);
		queue.addView(Perspectives.EXCEPTIONS_VIEW);
		queue.addView(Perspectives.SLA_VIEW);
		queue.addView(Perspectives.AUDIT_VIEW);
		IFolderLayout follow = layout.createFolder("io.syncline.ui.folder.follow", IPageLayout.RIGHT, 0.5f,
				"io.syncline.ui.folder.queue");
		follow.addView(Perspectives.TRACE_VIEW);
		follow.addView(Perspectives.ATP_VIEW);
		for (String view : new String[] { Perspectives.MONITOR_VIEW, Perspectives.EXCEPTIONS_VIEW,
				Perspectives.TRACE_VIEW, Perspectives.SLA_VIEW, Perspectives.ATP_VIEW, Perspectives.AUDIT_VIEW }) {
			layout.addShowViewShortcut(view);
		}
		layout.addPerspectiveShortcut(Perspectives.DESIGN);
		layout.addPerspectiveShortcut(Perspectives.RUNTIMES);
	}
}
