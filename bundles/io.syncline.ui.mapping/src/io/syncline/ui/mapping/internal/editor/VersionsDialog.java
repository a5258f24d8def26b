package io.syncline.ui.mapping.internal.editor;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.mapping.editor.MappingEditor;
import io.syncline.ui.mapping.editor.MappingEditorInput;

/** The {@link VersionsPanel} in a dialog; a version opened to read opens in the mapping editor. */
public final class VersionsDialog extends Dialog {

	private final RuntimeSelection selection;
	private final String mapping;

	private VersionsDialog(Shell parent, RuntimeSelection selection, String mapping) {
		super(parent);
		this.selection = selection;
		this.mapping = mapping;
		setShellStyle(getShellStyle() | org.eclipse.swt.SWT.RESIZE);
	}

	public static void open(Shell parent, RuntimeSelection selection, String mapping) {
		if (selection == null || !selection.active().ready()) {
			MessageDialog.openInformation(parent, "Versions of " + mapping, "No runtime is active.");
			return;
		}
		new VersionsDialog(parent, selection, mapping).open();
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Versions of " + mapping + " in " + selection.active().connection().name());
	}

	@Override
	protected Point getInitialSize() {
		return new Point(760, 520);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		VersionsPanel panel = new VersionsPanel(area, selection.active().runtime(), mapping, (version, xmi) -> {
			try {
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().openEditor(
						MappingEditorInput.published(mapping, version, selection.active().connection().name(), xmi),
						MappingEditor.ID);
				close();
			} catch (PartInitException e) {
				MessageDialog.openError(getShell(), "Open " + mapping + " v" + version, e.getMessage());
			}
		});
		panel.control().setLayoutData(new org.eclipse.swt.layout.GridData(org.eclipse.swt.SWT.FILL,
				org.eclipse.swt.SWT.FILL, true, true));
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		close();
	}
}
