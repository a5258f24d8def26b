package io.syncline.ui.views;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

import io.syncline.branding.Branding;

/** The branding's colours as SWT colours, owned by the caller's resource manager so they are disposed with it. */
public final class BrandColours {

	private final Color accent;
	private final Color headerBackground;
	private final Color headerForeground;

	public BrandColours(Branding branding, ResourceManager resources) {
		accent = resources.create(descriptor(branding.accentColour()));
		headerBackground = resources.create(descriptor(branding.headerBackground()));
		headerForeground = resources.create(descriptor(branding.headerForeground()));
	}

	private static ColorDescriptor descriptor(int[] rgb) {
		return ColorDescriptor.createFrom(new RGB(rgb[0], rgb[1], rgb[2]));
	}

	public Color accent() {
		return accent;
	}

	public Color headerBackground() {
		return headerBackground;
	}

	public Color headerForeground() {
		return headerForeground;
	}
}
