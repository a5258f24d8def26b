package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.syncline.ui.preferences.PreferenceKeys;
import io.syncline.ui.preferences.SynclinePreferencePage;

/** Types into the real preference page's fields and checks what the page accepts and stores. */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class PreferencePageTest {

	private Display display;
	private Shell shell;
	private PreferenceStore store;
	private SynclinePreferencePage page;

	@BeforeEach
	void openPage() {
		display = Display.getDefault();
		shell = new Shell(display);
		store = new PreferenceStore();
		PreferenceKeys.applyDefaults(store);
		page = new SynclinePreferencePage();
		page.setPreferenceStore(store);
		page.createControl(shell);
		shell.open();
		Widgets.flush(display);
	}

	@AfterEach
	void close() {
		shell.dispose();
		Widgets.flush(display);
	}

	private Text field(String label) {
		return Widgets.textAfterLabel(shell, label);
	}

	@Test
	void showsTheDefaults() {
		assertEquals("2.0", field("Price change tolerance (%):").getText());
		assertEquals("https://localhost:8443", field("Remote runtime URL:").getText());
		assertTrue(page.isValid());
	}

	@Test
	void toleranceThatIsNotAPercentageMakesThePageInvalidWithAClearMessage() {
		Widgets.type(field("Price change tolerance (%):"), "two");
		assertFalse(page.isValid());
		assertTrue(page.getErrorMessage().contains("Price change tolerance must be a number from 0 to 100"),
				page.getErrorMessage());

		Widgets.type(field("Price change tolerance (%):"), "250");
		assertFalse(page.isValid(), "more than 100 % is not a tolerance");
	}

	@Test
	void remoteUrlMustBeHttpOrHttps() {
		Widgets.type(field("Remote runtime URL:"), "ftp://runtime.example.com");
		assertFalse(page.isValid());
		assertTrue(page.getErrorMessage().contains("http:// or https://"), page.getErrorMessage());
	}

	@Test
	void dataDirectoryMustBeAbsoluteButMayNotExistYet() {
		Widgets.type(field("Local data directory:"), "relative/data");
		assertFalse(page.isValid());
		assertTrue(page.getErrorMessage().contains("absolute path"), page.getErrorMessage());

		Widgets.type(field("Local data directory:"), "/tmp/syncline-not-created-yet/data");
		assertTrue(page.isValid(), () -> String.valueOf(page.getErrorMessage()));
	}

	@Test
	void okStoresWhatWasTyped() {
		Widgets.type(field("Price change tolerance (%):"), "3.5");
		Widgets.type(field("Remote runtime URL:"), "https://runtime.harbor.example:9443");
		assertTrue(page.isValid());
		assertTrue(page.performOk());
		assertEquals("3.5", store.getString(PreferenceKeys.PRICE_TOLERANCE_PERCENT));
		assertEquals("https://runtime.harbor.example:9443", store.getString(PreferenceKeys.REMOTE_URL));
	}

	@Test
	void restoreDefaultsPutsTheDefaultsBack() {
		Widgets.type(field("Price change tolerance (%):"), "7");
		Button restore = Widgets.all(shell, Button.class).stream()
				.filter(b -> b.getText().replace("&", "").equals("Restore Defaults")).findFirst().orElseThrow();
		restore.notifyListeners(SWT.Selection, new Event());
		Widgets.flush(display);
		assertEquals("2.0", field("Price change tolerance (%):").getText());
	}
}
