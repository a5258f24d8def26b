package io.syncline.ui.mapping.internal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
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

	/** Waits, dispatching UI events, until the condition holds (the bound only ends a hang). */
	static void await(Display display, BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting: " + what.get());
			}
			if (!display.readAndDispatch()) {
				Thread.sleep(5);
			}
		}
	}

	static void flush(Display display) {
		while (display.readAndDispatch()) {
			// let listeners see what a user's action would trigger
		}
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

	/** The shell as drawn, saved as {@code target/screenshots/name}. */
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
		return data;
	}
}
