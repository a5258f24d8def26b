package io.syncline.mapping.internal;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * A target path compiled once: its steps, and for canonical targets the features they name, so setting a value
 * per record needs no lookup by name.
 */
public record TargetPath(String text, String[] steps, EStructuralFeature[] features) {

	/** For format trees (outbound), where steps are node names. */
	public static TargetPath ofNodes(String text) {
		return new TargetPath(text, text.split("/"), null);
	}

	/** For canonical objects: checks every step against the class; throws IllegalArgumentException if one is wrong. */
	public static TargetPath ofFeatures(EClass owner, String text) {
		String[] steps = text.split("/");
		EStructuralFeature[] features = new EStructuralFeature[steps.length];
		EClass current = owner;
		for (int i = 0; i < steps.length; i++) {
			EStructuralFeature feature = current.getEStructuralFeature(steps[i]);
			if (feature == null) {
				throw new IllegalArgumentException(current.getName() + " has no feature '" + steps[i] + "'");
			}
			if (i < steps.length - 1) {
				if (!(feature instanceof EReference reference) || !reference.isContainment()) {
					throw new IllegalArgumentException(current.getName() + "." + steps[i] + " is not a contained object");
				}
				current = reference.getEReferenceType();
			}
			features[i] = feature;
		}
		return new TargetPath(text, steps, features);
	}

	public EStructuralFeature last() {
		return features[features.length - 1];
	}
}
