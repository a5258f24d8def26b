package io.syncline.mapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingPackage;
import io.syncline.model.canonical.CanonicalPackage;

/** Reads and writes {@code .synmap} files: one mapping version as an XMI resource. */
public final class MappingResources {

	public static final String EXTENSION = "synmap";

	private MappingResources() {
	}

	public static ResourceSet resourceSet() {
		ResourceSet set = new ResourceSetImpl();
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(EXTENSION, new XMIResourceFactoryImpl());
		set.getPackageRegistry().put(MappingPackage.eNS_URI, MappingPackage.eINSTANCE);
		set.getPackageRegistry().put(CanonicalPackage.eNS_URI, CanonicalPackage.eINSTANCE);
		return set;
	}

	public static Mapping load(Path file) throws IOException {
		Resource resource = resourceSet().createResource(URI.createFileURI(file.toAbsolutePath().toString()));
		try {
			resource.load(Map.of());
		} catch (IOException | RuntimeException e) {
			throw new IOException(file.getFileName() + " is not a readable mapping: " + e.getMessage(), e);
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Mapping mapping)) {
			throw new IOException(file.getFileName() + " holds no mapping");
		}
		return mapping;
	}

	/** A mapping from bytes, such as a version kept in the store; {@code name} names it in errors. */
	public static Mapping load(byte[] content, String name) throws IOException {
		Resource resource = resourceSet().createResource(URI.createURI("memory:/" + name));
		try {
			resource.load(new ByteArrayInputStream(content), Map.of());
		} catch (IOException | RuntimeException e) {
			throw new IOException(name + " is not a readable mapping: " + e.getMessage(), e);
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Mapping mapping)) {
			throw new IOException(name + " holds no mapping");
		}
		return mapping;
	}

	public static void save(Mapping mapping, Path file) throws IOException {
		Resource resource = resourceSet().createResource(URI.createFileURI(file.toAbsolutePath().toString()));
		resource.getContents().add(mapping);
		resource.save(Map.of(XMLResource.OPTION_ENCODING, "UTF-8"));
	}
}
