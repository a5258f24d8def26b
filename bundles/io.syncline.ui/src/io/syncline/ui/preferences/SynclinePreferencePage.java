package io.syncline.ui.preferences;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.widgets.Composite;
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
		addField(new CheckedFieldEditor(PreferenceKeys.REMOTE_URL, REMOTE_URL_LABEL, getFieldEditorParent(),
				"Remote runtime URL must be an http:// or https:// address, such as https://runtime.example.com:8443",
				SynclinePreferencePage::isHttpUrl));
		addField(new DataDirectoryFieldEditor(PreferenceKeys.LOCAL_DATA_DIRECTORY, "Local &data directory:",
				getFieldEditorParent()));
		addField(new CheckedFieldEditor(PreferenceKeys.PRICE_TOLERANCE_PERCENT, TOLERANCE_LABEL, getFieldEditorParent(),
				"Price change tolerance must be a number from 0 to 100, such as 2 or 2.5",
				SynclinePreferencePage::isPercentage));
		IntegerFieldEditor pageSize = new IntegerFieldEditor(PreferenceKeys.MONITOR_PAGE_SIZE,
				"Transactions per &page:", getFieldEditorParent());
		pageSize.setValidRange(10, 10_000);
		addField(pageSize);
	}

	/**
	 * An absolute path that is a directory or does not exist yet: the runtime creates it on first start. Checked on
	 * every keystroke like the other fields (the JFace default for directories is only when focus leaves).
	 */
	static final class DataDirectoryFieldEditor extends DirectoryFieldEditor {
		DataDirectoryFieldEditor(String name, String label, Composite parent) {
			init(name, label);
			setErrorMessage("Local data directory must be an absolute path to a directory, or to one the runtime may create");
			setChangeButtonText(JFaceResources.getString("openBrowse"));
			setValidateStrategy(VALIDATE_ON_KEY_STROKE);
			createControl(parent);
		}

		@Override
		protected boolean doCheckState() {
			String text = getStringValue().trim();
			if (text.isEmpty()) {
				return false;
			}
			Path path = Path.of(text);
			return path.isAbsolute() && (!Files.exists(path) || Files.isDirectory(path));
		}
	}

	/** A text field whose value must pass {@code check}; {@code problem} says what a valid value looks like. */
	static final class CheckedFieldEditor extends StringFieldEditor {
		private final Predicate<String> check;

		CheckedFieldEditor(String name, String label, Composite parent, String problem, Predicate<String> check) {
			super(name, label, parent);
			this.check = check;
			setErrorMessage(problem);
		}

		@Override
		protected boolean doCheckState() {
			return check.test(getStringValue().trim());
		}
	}

	static boolean isPercentage(String text) {
		try {
			BigDecimal value = new BigDecimal(text);
			return value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
		} catch (NumberFormatException e) {
			return false;
		}
	}

	static boolean isHttpUrl(String text) {
		try {
			URI uri = new URI(text);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		} catch (URISyntaxException e) {
			return false;
		}
	}
}
