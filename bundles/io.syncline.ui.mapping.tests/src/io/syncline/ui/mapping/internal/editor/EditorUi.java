package io.syncline.ui.mapping.internal.editor;

import io.syncline.testing.ui.SwtTesting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;

/** Driving real widgets in the mapping editor's tests: waiting on the UI thread, keys, screenshots. */
final class EditorUi {

	private EditorUi() {
	}

	static Path demo() {
		return Path.of(System.getProperty("syncline.demo"));
	}

	static void await(Display display, BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
		SwtTesting.await(display, condition, what);
	}

	static void flush(Display display) {
		SwtTesting.flush(display);
	}

	/** A key press with modifiers, as the widget would get it from the keyboard. */
	static void key(Widget widget, int keyCode, int stateMask) {
		Event down = new Event();
		down.keyCode = keyCode;
		down.character = keyCode < 0x10000 ? (char) keyCode : 0;
		down.stateMask = stateMask;
		down.doit = true;
		widget.notifyListeners(SWT.KeyDown, down);
		flush(widget.getDisplay());
	}

	/** The item whose first column's text is {@code text}, among an item's (or the tree's) children. */
	static TreeItem child(Tree tree, TreeItem parent, String text) {
		for (TreeItem item : parent == null ? tree.getItems() : parent.getItems()) {
			if (item.getText().equals(text) || item.getText().startsWith(text)) {
				return item;
			}
		}
		return null;
	}

	static ImageData capture(Shell shell, String name) throws IOException {
		return SwtTesting.capture(shell, name);
	}
}
