package io.syncline.ui.mapping.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.syncline.runtime.api.MappingSummary;

/** Where the explorer opens what the analyst chose: the editor in the workbench. */
public interface ExplorerOpener {

	/** Opens a local draft to edit. */
	void openDraft(Path draft);

	/** Opens a published version to read. */
	void openPublished(String mapping, int version, byte[] xmi);

	/** Starts the new-mapping wizard. */
	void newMapping();

	/** Asks which partner's flow a published mapping is to translate; null if cancelled. */
	io.syncline.ui.mapping.internal.wizard.FlowBinding askBinding(MappingSummary mapping, List<String> partners,
			Map<String, String> workflows);

	/** Outside the workbench (the tests): opens nothing, asks nothing. */
	ExplorerOpener OUTSIDE_THE_WORKBENCH = new ExplorerOpener() {
		@Override
		public void openDraft(Path draft) {
			// nothing to open it in
		}

		@Override
		public void openPublished(String mapping, int version, byte[] xmi) {
			// nothing to open it in
		}

		@Override
		public void newMapping() {
		}

		@Override
		public io.syncline.ui.mapping.internal.wizard.FlowBinding askBinding(MappingSummary mapping,
				List<String> partners, Map<String, String> workflows) {
			return null;
		}
	};
}
