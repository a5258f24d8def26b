package io.syncline.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.model.canonical.CanonicalPackage;
import io.syncline.model.canonical.DataSet;

class XmiRoundTripTest {

	@TempDir
	Path dir;

	private static ResourceSet resourceSet() {
		ResourceSet set = new ResourceSetImpl();
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
		set.getPackageRegistry().put(CanonicalPackage.eNS_URI, CanonicalPackage.eINSTANCE);
		return set;
	}

	@Test
	void harborScenarioSurvivesSaveAndLoadUnchanged() throws IOException {
		DataSet original = new HarborFixture().dataSet;
		Path file = dir.resolve("harbor.xmi");
		Resource out = resourceSet().createResource(URI.createFileURI(file.toString()));
		out.getContents().add(original);
		out.save(Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));

		String xml = Files.readString(file);
		assertTrue(xml.contains("poNumber=\"PO-45001\""), "XMI carries the business keys as attributes");
		assertTrue(xml.contains("scheduledDate=\"2026-12-09\""), "dates are ISO dates");

		Resource in = resourceSet().getResource(URI.createFileURI(file.toString()), true);
		DataSet loaded = (DataSet) in.getContents().get(0);
		assertNotSame(original, loaded);
		assertTrue(EcoreUtil.equals(original, loaded), "loaded data equals what was saved");
		// Cross references resolve to the loaded objects, not proxies.
		var line = loaded.getPurchaseOrders().get(0).getLines().get(0);
		assertSame(loaded.getItems().get(0), line.getItem());
		assertEquals("HS-100101", line.getItem().getItemNumber());
		assertEquals(0, new java.math.BigDecimal("0.0825").compareTo(line.getUnitPrice().getAmount()));
		assertEquals("2026-11-20T06:00:00Z", loaded.getInventoryPositions().get(0).getAsOf().toString());
	}
}
