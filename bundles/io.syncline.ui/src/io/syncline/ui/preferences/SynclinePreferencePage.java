package io.syncline.ui.preferences;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Window &gt; Preferences &gt; Syncline: which runtime to use and the rules the console applies by default. */
public final class SynclinePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	static final String TOLERANCE_LABEL = "Price change &tolerance (%):";
	static final String REMOTE_URL_LABEL = "Remote runtime &URL:";

	public SynclinePreferencePage() {
		super(GRID);
		setDescription("Where the console finds its runtime, and the default rules for new tenants.");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, PreferenceKeys.QUALIFIER));
	}

	@Override
	protected void createFieldEditors() {
		addField(new RadioGroupFieldEditor(PreferenceKeys.RUNTIME_MODE, "Runtime", 1,
				new String[][] { { "&Local (embedded in the console)", PreferenceKeys.MODE_LOCAL },
						{ "&Remote (headless runtime over HTTPS)", PreferenceKeys.MODE_REMOTE } },
				getFieldEditorParent(), true));
		addField(new UrlFieldEditor(PreferenceKeys.REMOTE_URL, REMOTE_URL_LABEL, getFieldEditorParent()));
		addField(new DataDirectoryFieldEditor(PreferenceKeys.LOCAL_DATA_DIRECTORY, "Local &data directory:",
				getFieldEditorParent()));
		addField(new PercentFieldEditor(PreferenceKeys.PRICE_TOLERANCE_PERCENT, TOLERANCE_LABEL,
				getFieldEditorParent()));
		IntegerFieldEditor pageSize = new IntegerFieldEditor(PreferenceKeys.MONITOR_PAGE_SIZE,
				"Transactions per &page:", getFieldEditorParent());
		pageSize.setValidRange(10, 10_000);
		addField(pageSize);
	}

	/** A decimal percentage in [0, 100]; decimal point, not the locale's comma, as stored. */
	static final class PercentFieldEditor extends StringFieldEditor {
		PercentFieldEditor(String name, String label, org.eclipse.swt.widgets.Composite parent) {
			super(name, label, parent);
			setErrorMessage("Price change tolerance must be a number from 0 to 100, such as 2 or 2.5");
		}

		@Override
		protected boolean doCheckState() {
			try {
				BigDecimal value = new BigDecimal(getStringValue().trim());
				return value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
			} catch (NumberFormatException e) {
				return false;
			}
		}
	}

	/** An absolute path that is a directory or does not exist yet: the runtime creates it on first start. */
	static final class DataDirectoryFieldEditor extends DirectoryFieldEditor {
		DataDirectoryFieldEditor(String name, String label, org.eclipse.swt.widgets.Composite parent) {
			super(name, label, parent);
			setErrorMessage("Local data directory must be an absolute path to a directory, or to one the runtime may create");
		}

		@Override
		protected boolean doCheckState() {
			String text = getStringValue().trim();
			if (text.isEmpty()) {
				return false;
			}
			java.nio.file.Path path = java.nio.file.Path.of(text);
			return path.isAbsolute() && (!java.nio.file.Files.exists(path) || java.nio.file.Files.isDirectory(path));
		}
	}

	/** An absolute http or https URL. */
	static final class UrlFieldEditor extends StringFieldEditor {
		UrlFieldEditor(String name, String label, org.eclipse.swt.widgets.Composite parent) {
			super(name, label, parent);
			setErrorMessage("Remote runtime URL must be an http:// or https:// address, such as https://runtime.example.com:8443");
		}

		@Override
		protected boolean doCheckState() {
			try {
				URI uri = new URI(getStringValue().trim());
				return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
			} catch (URISyntaxException e) {
				return false;
			}
		}
	}
}
