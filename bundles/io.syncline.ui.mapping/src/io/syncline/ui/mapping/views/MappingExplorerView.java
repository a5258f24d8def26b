package io.syncline.ui.mapping.views;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.mapping.internal.MappingDrafts;
import io.syncline.ui.mapping.internal.MappingExplorer;
import io.syncline.ui.mapping.preferences.MappingPreferences;
import io.syncline.ui.views.SelectionView;

/**
 * The mapping explorer of the Design perspective: the active runtime's published mappings by partner, and the
 * analyst's local drafts, in the folder Preferences › Syncline › Mappings names (it follows a change there).
 */
public final class MappingExplorerView extends SelectionView {

	private IEclipsePreferences.IPreferenceChangeListener onFolder;

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		MappingExplorer explorer = new MappingExplorer(parent, selection,
				new MappingDrafts(MappingPreferences.draftsFolder()));
		onFolder = event -> {
			if (MappingPreferences.DRAFTS_FOLDER.equals(event.getKey()) && !explorer.isDisposed()) {
				explorer.getDisplay().asyncExec(() -> {
					if (!explorer.isDisposed()) {
						explorer.useDrafts(new MappingDrafts(MappingPreferences.draftsFolder()));
					}
				});
			}
		};
		MappingPreferences.node().addPreferenceChangeListener(onFolder);
		return explorer;
	}

	@Override
	public void dispose() {
		if (onFolder != null) {
			MappingPreferences.node().removePreferenceChangeListener(onFolder);
		}
		super.dispose();
	}
}
