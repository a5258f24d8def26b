package io.syncline.ui.views;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import io.syncline.ui.internal.workbench.Perspectives;

/** How one Operations view opens another on what was chosen: a trace, an exception. */
final class Links {

	private Links() {
	}

	static void trace(ViewPart from, String businessKey) {
		IWorkbenchPage page = from.getSite().getPage();
		try {
			((TraceView) page.showView(Perspectives.TRACE_VIEW)).open(businessKey);
		} catch (PartInitException e) {
			cannot(from, "Trace", e);
		}
	}

	static void exception(ViewPart from, long exceptionId) {
		IWorkbenchPage page = from.getSite().getPage();
		try {
			((ExceptionsView) page.showView(Perspectives.EXCEPTIONS_VIEW)).showException(exceptionId);
		} catch (PartInitException e) {
			cannot(from, "Exceptions", e);
		}
	}

	private static void cannot(ViewPart from, String view, PartInitException e) {
		from.getViewSite().getActionBars().getStatusLineManager()
				.setErrorMessage("The " + view + " view cannot be opened: " + e.getMessage());
	}
}
