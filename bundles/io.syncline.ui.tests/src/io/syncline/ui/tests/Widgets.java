package io.syncline.ui.tests;

import io.syncline.testing.ui.SwtTesting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.equinox.security.storage.ISecurePreferences;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
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

	static ImageData capture(Shell shell, String name) throws IOException {
		return SwtTesting.capture(shell, name);
	}

	static void await(Display display, BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
		SwtTesting.await(display, condition, what);
	}

	static ISecurePreferences secureStorage(Path dir) throws IOException {
		return SwtTesting.secureStorage(dir);
	}

	static void flush(Display display) {
		SwtTesting.flush(display);
	}

}
