package io.syncline.ui.preferences;

import java.util.Map;

import org.eclipse.jface.preference.IPreferenceStore;

/** Keys and defaults of the console's preferences (instance scope of io.syncline.ui). */
public final class PreferenceKeys {

	public static final String QUALIFIER = "io.syncline.ui";

	/** {@value #MODE_LOCAL} or {@value #MODE_REMOTE}. */
	public static final String RUNTIME_MODE = "runtime.mode";
	public static final String MODE_LOCAL = "local";
	public static final String MODE_REMOTE = "remote";
	public static final String REMOTE_URL = "runtime.remote.url";
	public static final String LOCAL_DATA_DIRECTORY = "runtime.local.dataDirectory";
	/** Cost changes above this percentage open a price-change exception. */
	public static final String PRICE_TOLERANCE_PERCENT = "rules.priceTolerancePercent";
	public static final String MONITOR_PAGE_SIZE = "monitor.pageSize";

	static final Map<String, String> DEFAULTS = Map.of(
			RUNTIME_MODE, MODE_LOCAL,
			REMOTE_URL, "https://localhost:8443",
			// -Dsyncline.data points a console (or a test of one) elsewhere without touching its preferences
			LOCAL_DATA_DIRECTORY, System.getProperty("syncline.data", System.getProperty("user.home") + "/.syncline/data"),
			PRICE_TOLERANCE_PERCENT, "2.0",
			MONITOR_PAGE_SIZE, "200");

	private PreferenceKeys() {
	}

	public static void applyDefaults(IPreferenceStore store) {
		DEFAULTS.forEach(store::setDefault);
	}
}
