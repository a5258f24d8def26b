package io.syncline.testing.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * What the console's UI tests share, driving real SWT widgets (SWTBot is not available): waiting on the UI thread,
 * letting events run, screenshots, and secure storage that needs no prompt. SWT and Equinox security are optional
 * imports of this bundle, so engine tests use it without them.
 */
public final class SwtTesting {

	/** Only ends a hang: a condition that holds is seen at once. */
	private static final Duration BOUND = Duration.ofSeconds(60);

	private SwtTesting() {
	}

	/** Waits, dispatching UI events, until the condition holds; the message is made when it times out. */
	public static void await(Display display, BooleanSupplier condition, Supplier<String> what)
			throws InterruptedException {
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting: " + what.get());
			}
			if (!display.readAndDispatch()) {
				Thread.sleep(5);
			}
		}
	}

	/** Runs pending events, so listeners see what a user's action would trigger. */
	public static void flush(Display display) {
		while (display.readAndDispatch()) {
			// nothing: each turn runs one event
		}
	}

	/** The shell as drawn, saved as {@code target/screenshots/name}; the picture is returned for pixel checks. */
	public static ImageData capture(Shell shell, String name) throws IOException {
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

	/** Secure storage in a test's directory, opened with a master password as on a kiosk (no prompt). */
	public static ISecurePreferences secureStorage(Path dir) throws IOException {
		return SecurePreferencesFactory.open(dir.resolve("secure_storage").toUri().toURL(),
				Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("kiosk-master-password".toCharArray()),
						IProviderHints.PROMPT_USER, Boolean.FALSE));
	}
}
