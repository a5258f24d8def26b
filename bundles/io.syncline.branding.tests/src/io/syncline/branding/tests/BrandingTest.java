package io.syncline.branding.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.branding.Branding;

class BrandingTest {

	@TempDir
	Path dir;

	@AfterEach
	void clearOverride() {
		System.clearProperty(Branding.OVERRIDE_PROPERTY);
	}

	@Test
	void shippedBrandingNamesTheProductAndParsesItsColours() {
		Branding branding = Branding.load();
		assertEquals("Syncline", branding.productName());
		assertEquals("Syncline", branding.windowTitle());
		assertArrayEquals(new int[] { 0x1F, 0x6F, 0xB2 }, branding.accentColour());
		assertArrayEquals(new int[] { 0xFF, 0xFF, 0xFF }, branding.headerForeground());
	}

	@Test
	void everyIconNamedByTheBrandingShipsInTheBundle() throws IOException {
		Branding branding = Branding.load();
		for (String icon : branding.windowIcons()) {
			try (InputStream in = Branding.class.getResourceAsStream("/" + icon)) {
				assertNotNull(in, icon + " is missing");
				byte[] magic = in.readNBytes(4);
				assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, magic, icon + " is not a PNG");
			}
		}
	}

	@Test
	void productExtensionUsesTheSameWindowIconsAsTheBranding() throws IOException {
		// plugin.xml cannot read branding.properties for images, so the two must be kept equal; this says when not.
		String pluginXml;
		try (InputStream in = Branding.class.getResourceAsStream("/plugin.xml")) {
			pluginXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String icons = String.join(",", Branding.load().windowIcons());
		assertTrue(pluginXml.contains("name=\"windowImages\" value=\"" + icons + "\""), pluginXml);
	}

	@Test
	void partnerOverrideReplacesOnlyTheKeysItNames() throws IOException {
		Path file = dir.resolve("partner.properties");
		Files.writeString(file, "product.name=Acme Connect\nwindow.title=Acme Connect Console\ncolor.accent=#00AA55\n");
		System.setProperty(Branding.OVERRIDE_PROPERTY, file.toString());
		Branding branding = Branding.load();
		assertEquals("Acme Connect", branding.productName());
		assertEquals("Acme Connect Console", branding.windowTitle());
		assertArrayEquals(new int[] { 0x00, 0xAA, 0x55 }, branding.accentColour());
		assertEquals("Syncline", branding.vendor(), "keys the partner did not name stay as shipped");
	}

	@Test
	void malformedColourIsReportedWithItsKey() throws IOException {
		Path file = dir.resolve("bad.properties");
		Files.writeString(file, "color.accent=blue\n");
		System.setProperty(Branding.OVERRIDE_PROPERTY, file.toString());
		IllegalStateException error = assertThrows(IllegalStateException.class, () -> Branding.load().accentColour());
		assertTrue(error.getMessage().contains("color.accent") && error.getMessage().contains("'blue'"),
				error.getMessage());
	}
}
