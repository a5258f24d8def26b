package io.syncline.branding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Product name, window title, vendor, icons and colours, read from {@code branding.properties} of this bundle. A
 * partner white-labels the product by editing that one file, or at run time by pointing the system property
 * {@value #OVERRIDE_PROPERTY} at a properties file whose keys replace the shipped ones.
 */
public final class Branding {

	public static final String OVERRIDE_PROPERTY = "syncline.branding";

	private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

	private final Properties values;

	private Branding(Properties values) {
		this.values = values;
	}

	/** The branding of this process, read once: what UI code calls, so it never reads files while painting. */
	public static Branding current() {
		return Current.INSTANCE;
	}

	private static final class Current {
		static final Branding INSTANCE = load();
	}

	/** Reads the shipped branding, overlaid by the file named in {@value #OVERRIDE_PROPERTY} if set. */
	public static Branding load() {
		Properties values = new Properties();
		try (InputStream in = Branding.class.getResourceAsStream("/branding.properties")) {
			if (in == null) {
				throw new IllegalStateException("branding.properties is missing from io.syncline.branding");
			}
			values.load(in);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read branding.properties", e);
		}
		String override = System.getProperty(OVERRIDE_PROPERTY);
		if (override != null && !override.isBlank()) {
			try (InputStream in = Files.newInputStream(Path.of(override))) {
				values.load(in);
			} catch (IOException e) {
				throw new UncheckedIOException("cannot read branding override " + override, e);
			}
		}
		return new Branding(values);
	}

	public String productName() {
		return get("product.name");
	}

	public String vendor() {
		return get("product.vendor");
	}

	public String tagline() {
		return get("product.tagline");
	}

	public String windowTitle() {
		return get("window.title");
	}

	public String runtimeName() {
		return get("runtime.name");
	}

	/** Bundle-relative paths of the window icons, small to large. */
	public List<String> windowIcons() {
		return Arrays.stream(get("icon.window").split(",")).map(String::trim).toList();
	}

	public String aboutIcon() {
		return get("icon.about");
	}

	/** Accent colour as {r, g, b}. */
	public int[] accentColour() {
		return colour("color.accent");
	}

	public int[] headerBackground() {
		return colour("color.header.background");
	}

	public int[] headerForeground() {
		return colour("color.header.foreground");
	}

	private int[] colour(String key) {
		String hex = get(key);
		if (!HEX_COLOUR.matcher(hex).matches()) {
			throw new IllegalStateException("branding key " + key + " must be a colour #RRGGBB, but is '" + hex + "'");
		}
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return new int[] { rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF };
	}

	private String get(String key) {
		String value = values.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("branding key " + key + " is missing");
		}
		return value.trim();
	}
}
