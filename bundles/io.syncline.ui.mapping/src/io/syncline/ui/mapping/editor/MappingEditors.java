package io.syncline.ui.mapping.editor;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.mapping.internal.MappingDrafts;
import io.syncline.ui.mapping.internal.wizard.NewMappingWizard;
import io.syncline.ui.mapping.preferences.MappingPreferences;

/** Opening the mapping editor from the explorer, the wizard and the File menu; each draft remembers its sample. */
public final class MappingEditors {

	private MappingEditors() {
	}

	/** Opens a draft to edit; {@code sample} (may be null) is remembered as the file its preview runs on. */
	public static MappingEditor openDraft(IWorkbenchPage page, Path draft, Path sample) {
		MappingEditorInput input = MappingEditorInput.draft(draft);
		if (sample != null) {
			settings().put(sampleKey(input.mappingName()), sample.toString());
		}
		try {
			return (MappingEditor) page.openEditor(input, MappingEditor.ID);
		} catch (PartInitException e) {
			MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Open " + draft.getFileName(),
					e.getMessage());
			return null;
		}
	}

	public static void openPublished(IWorkbenchPage page, String mapping, int version, String runtime, byte[] xmi) {
		try {
			page.openEditor(MappingEditorInput.published(mapping, version, runtime, xmi), MappingEditor.ID);
		} catch (PartInitException e) {
			MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Open " + mapping, e.getMessage());
		}
	}

	/** The new-mapping wizard; on Finish the draft opens in the editor with its sample. */
	public static void newMapping(Shell shell, IWorkbenchPage page, RuntimeSelection selection) {
		NewMappingWizard wizard = new NewMappingWizard(new MappingDrafts(MappingPreferences.draftsFolder()), selection,
				(draft, sample) -> openDraft(page, draft, sample));
		new WizardDialog(shell, wizard).open();
	}

	static IDialogSettings settings() {
		return PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(MappingEditors.class)).getDialogSettings();
	}

	static String sampleKey(String mapping) {
		return "sample." + mapping;
	}
}
