package io.syncline.mapping;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;

/** Finds the canonical object a mapped key refers to (an Item by item number, a Supplier by partner id). */
@FunctionalInterface
public interface ReferenceResolver {

	/** The object, or null if there is none with that key. */
	EObject resolve(EClass type, String key);
}
