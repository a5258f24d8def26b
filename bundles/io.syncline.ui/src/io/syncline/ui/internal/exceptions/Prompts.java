package io.syncline.ui.internal.exceptions;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** The small questions an action asks first: a reason (never empty, it is audited), an assignee. */
public final class Prompts {

	static final String REASON_TITLE_SUFFIX = ": reason";

	private Prompts() {
	}

	/** A reason for the audit, or null when the person cancels. */
	public static String reason(Shell shell, String action, String what) {
		InputDialog dialog = new InputDialog(shell, action + REASON_TITLE_SUFFIX,
				what + "\n\nThe reason is kept in the audit history.", "",
				text -> text == null || text.isBlank() ? "A reason is required." : null);
		return dialog.open() == Window.OK ? dialog.getValue().trim() : null;
	}

	/** Who to assign to, or null when the person cancels. */
	static String assignee(Shell shell, String current) {
		InputDialog dialog = new InputDialog(shell, "Assign", "Assign the exception to (a user name):",
				current == null ? "" : current, text -> text == null || text.isBlank() ? "A name is required." : null);
		return dialog.open() == Window.OK ? dialog.getValue().trim() : null;
	}

	/** The label of the OK button, for tests that press it. */
	static String okLabel() {
		return IDialogConstants.OK_LABEL;
	}
}
