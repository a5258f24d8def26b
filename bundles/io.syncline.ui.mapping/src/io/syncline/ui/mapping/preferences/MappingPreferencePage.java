package io.syncline.ui.mapping.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Preferences › Syncline › Mappings: the folder of the local drafts (empty: {@code mappings} in the workspace). */
public final class MappingPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public MappingPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, MappingPreferences.QUALIFIER));
		setDescription("Local drafts are the .synmap files of a folder you can keep under version control. Empty: "
				+ MappingPreferences.defaultDraftsFolder());
	}

	@Override
	protected void createFieldEditors() {
		DirectoryFieldEditor folder = new DirectoryFieldEditor(MappingPreferences.DRAFTS_FOLDER,
				"Local &drafts folder:", getFieldEditorParent());
		folder.setEmptyStringAllowed(true);
		addField(folder);
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is the instance scope's, made in the constructor
	}
}
