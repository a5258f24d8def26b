package io.syncline.ui.mapping.internal.editor;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;

import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingPackage.Literals;

/**
 * A copy of the mapping for a Job to read while the analyst goes on editing, without its source tree: the tree can
 * hold thousands of nodes, and it is never changed in place (a new sample replaces it whole), so a Job may read the
 * original.
 */
final class MappingCopies {

	private MappingCopies() {
	}

	static Mapping withoutTree(Mapping mapping) {
		EcoreUtil.Copier copier = new EcoreUtil.Copier() {
			private static final long serialVersionUID = 1L;

			@Override
			protected void copyContainment(EReference reference, EObject object, EObject copy) {
				if (reference != Literals.MAPPING__SOURCE_SCHEMA) {
					super.copyContainment(reference, object, copy);
				}
			}
		};
		Mapping copy = (Mapping) copier.copy(mapping);
		copier.copyReferences();
		return copy;
	}
}
