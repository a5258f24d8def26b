package io.syncline.ui.mapping.preferences;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/** Where the analyst's local drafts live: a folder of their choice (Preferences › Syncline › Mappings). */
public final class MappingPreferences {

	public static final String QUALIFIER = "io.syncline.ui.mapping";
	public static final String DRAFTS_FOLDER = "drafts.folder";

	private MappingPreferences() {
	}

	public static IEclipsePreferences node() {
		return InstanceScope.INSTANCE.getNode(QUALIFIER);
	}

	/** The folder chosen, or {@code mappings} in the console's workspace. */
	public static Path draftsFolder() {
		String chosen = node().get(DRAFTS_FOLDER, "");
		return chosen.isBlank() ? defaultDraftsFolder() : Path.of(chosen);
	}

	public static Path defaultDraftsFolder() {
		try {
			return Path.of(Platform.getInstanceLocation().getURL().toURI()).resolve("mappings");
		} catch (Exception noWorkspace) {
			return Path.of(System.getProperty("user.home"), ".syncline", "mappings");
		}
	}
}
