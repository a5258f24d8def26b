package io.syncline.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Finds real widgets in a widget tree, since SWTBot is not available. */
final class Widgets {

	private Widgets() {
	}

	static <T extends Control> List<T> all(Control root, Class<T> type) {
		List<T> found = new ArrayList<>();
		collect(root, type, found);
		return found;
	}

	private static <T extends Control> void collect(Control control, Class<T> type, List<T> found) {
		if (type.isInstance(control)) {
			found.add(type.cast(control));
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collect(child, type, found);
			}
		}
	}

	/** The text field laid out right after the label whose text is {@code labelText} (mnemonics ignored). */
	static Text textAfterLabel(Control root, String labelText) {
		String wanted = labelText.replace("&", "");
		for (Label label : all(root, Label.class)) {
			if (wanted.equals(label.getText().replace("&", ""))) {
				Control[] siblings = label.getParent().getChildren();
				for (int i = 0; i < siblings.length - 1; i++) {
					if (siblings[i] == label && siblings[i + 1] instanceof Text text) {
						return text;
					}
				}
			}
		}
		throw new AssertionError("no text field after label '" + wanted + "'");
	}

	/**
	 * Replaces the field's text the way typing does: the text changes, then a key is released, which is what
	 * JFace's validate-on-keystroke listens for.
	 */
	static void type(Text text, String value) {
		text.setFocus();
		text.setText(value);
		Event keyUp = new Event();
		keyUp.character = value.isEmpty() ? SWT.BS : value.charAt(value.length() - 1);
		text.notifyListeners(SWT.KeyUp, keyUp);
		flush(text.getDisplay());
	}

	/** The shell as drawn, saved as {@code target/screenshots/name}; the picture is returned for pixel checks. */
	static ImageData capture(Shell shell, String name) throws IOException {
		flush(shell.getDisplay());
		Image image = new Image(shell.getDisplay(), shell.getClientArea().width, shell.getClientArea().height);
		GC gc = new GC(image);
		ImageData data;
		try {
			shell.print(gc);
			data = image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
		Path screenshots = Path.of("target", "screenshots");
		Files.createDirectories(screenshots);
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		loader.save(screenshots.resolve(name).toString(), SWT.IMAGE_PNG);
		if (Files.size(screenshots.resolve(name)) == 0) {
			throw new IOException("the screenshot " + name + " is empty");
		}
		return data;
	}

	/** Waits, dispatching UI events, until the condition holds; the message is made when it times out (30 s). */
	static void await(Display display, BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting: " + what.get());
			}
			if (!display.readAndDispatch()) {
				Thread.sleep(10);
			}
		}
	}

	/** Secure storage in the test's directory, opened with a master password as on a kiosk (no prompt). */
	static ISecurePreferences secureStorage(Path dir) throws IOException {
		return SecurePreferencesFactory.open(dir.resolve("secure_storage").toUri().toURL(),
				Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("kiosk-master-password".toCharArray()),
						IProviderHints.PROMPT_USER, Boolean.FALSE));
	}

	static void flush(Display display) {
		while (display.readAndDispatch()) {
			// run pending events so listeners see what a user's typing would trigger
		}
	}
}
