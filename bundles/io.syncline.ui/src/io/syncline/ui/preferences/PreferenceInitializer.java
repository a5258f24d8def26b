package io.syncline.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.osgi.service.prefs.Preferences;

public final class PreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		Preferences defaults = DefaultScope.INSTANCE.getNode(PreferenceKeys.QUALIFIER);
		PreferenceKeys.DEFAULTS.forEach(defaults::put);
	}
}
