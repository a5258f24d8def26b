package io.syncline.ui.mapping.views;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.runtime.api.MappingSummary;
import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.mapping.editor.MappingEditors;
import io.syncline.ui.mapping.internal.wizard.BindDialog;
import io.syncline.ui.mapping.internal.wizard.FlowBinding;
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
		explorer.setOpener(new io.syncline.ui.mapping.internal.ExplorerOpener() {
			@Override
			public void openDraft(java.nio.file.Path draft) {
				MappingEditors.openDraft(getSite().getPage(), draft, null);
			}

			@Override
			public void openPublished(String mapping, int version, byte[] xmi) {
				MappingEditors.openPublished(getSite().getPage(), mapping, version,
						selection.active().connection().name(), xmi);
			}

			@Override
			public void newMapping() {
				MappingEditors.newMapping(getSite().getShell(), getSite().getPage(), selection);
			}

			@Override
			public FlowBinding askBinding(MappingSummary mapping, java.util.List<String> partners,
					java.util.Map<String, String> workflows) {
				BindDialog dialog = new BindDialog(getSite().getShell(), mapping, partners, workflows);
				return dialog.open() == org.eclipse.jface.window.Window.OK ? dialog.binding() : null;
			}
		});
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
