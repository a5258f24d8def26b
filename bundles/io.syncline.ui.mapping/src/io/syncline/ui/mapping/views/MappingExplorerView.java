package io.syncline.ui.mapping.views;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import io.syncline.ui.internal.connections.RuntimeSelection;
import io.syncline.ui.mapping.internal.MappingDrafts;
import io.syncline.ui.mapping.internal.MappingExplorer;
import io.syncline.ui.views.SelectionView;

/**
 * The mapping explorer of the Design perspective: the active runtime's published mappings by partner, and the
 * analyst's local drafts (the workspace's {@code mappings} folder).
 */
public final class MappingExplorerView extends SelectionView {

	@Override
	protected Control createContent(Composite parent, RuntimeSelection selection) {
		return new MappingExplorer(parent, selection, new MappingDrafts(draftsFolder()));
	}

	private static Path draftsFolder() {
		try {
			return Path.of(Platform.getInstanceLocation().getURL().toURI()).resolve("mappings");
		} catch (Exception noWorkspace) {
			return Path.of(System.getProperty("user.home"), ".syncline", "mappings");
		}
	}
}
