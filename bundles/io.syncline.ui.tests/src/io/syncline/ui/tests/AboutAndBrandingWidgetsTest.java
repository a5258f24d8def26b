package io.syncline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.syncline.branding.Branding;
import io.syncline.ui.about.AboutDialog;
import io.syncline.ui.about.ProductInfo;
import io.syncline.ui.views.StatusPanel;
import io.syncline.ui.views.StatusView;

@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class AboutAndBrandingWidgetsTest {

	private Display display;
	private Shell shell;

	@BeforeEach
	void open() {
		display = Display.getDefault();
		shell = new Shell(display);
	}

	@AfterEach
	void close() {
		shell.dispose();
		Widgets.flush(display);
	}

	@Test
	void aboutDialogShowsTheBrandedNameAndTheRunningVersion() {
		ProductInfo info = ProductInfo.current();
		assertTrue(info.version().startsWith("0.1.0."), info.version());
		AboutDialog dialog = new AboutDialog(shell, info);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Widgets.flush(display);
			assertEquals("About Syncline", dialog.getShell().getText());
			assertEquals("Version " + info.version(), dialog.versionLabel().getText());
			assertTrue(Widgets.all(dialog.getShell(), Label.class).stream().anyMatch(l -> l.getText().equals("Syncline")));
		} finally {
			dialog.close();
		}
	}

	@Test
	void statusPanelPaintsTheHeaderInTheBrandingsColours() {
		StatusPanel panel = new StatusPanel(shell, "Exceptions", StatusView.NO_RUNTIME);
		shell.open();
		Widgets.flush(display);
		int[] background = Branding.load().headerBackground();
		assertEquals(new RGB(background[0], background[1], background[2]), panel.title().getBackground().getRGB());
		assertEquals("Exceptions", panel.title().getText());
		assertTrue(panel.message().getText().startsWith("No runtime connected"));
	}
}
