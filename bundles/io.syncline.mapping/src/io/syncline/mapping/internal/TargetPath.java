package io.syncline.mapping.internal;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * A target path compiled once: its steps, and for canonical targets the features they name, the class owning each
 * and its feature id there, so setting a value per record needs no lookup by name or by feature.
 */
public record TargetPath(String text, String[] steps, EStructuralFeature[] features, EClass[] owners,
		int[] featureIds, ValueCoercion.Converter converter) {

	/** For format trees (outbound), where steps are node names. */
	public static TargetPath ofNodes(String text) {
		return new TargetPath(text, text.split("/"), null, null, null, null);
	}

	/**
	 * For canonical objects: checks every step against the class; throws IllegalArgumentException if one is wrong. An
	 * attribute gets its value converter here, once.
	 */
	public static TargetPath ofFeatures(EClass owner, String text, ValueCoercion coercion) {
		String[] steps = text.split("/");
		EStructuralFeature[] features = new EStructuralFeature[steps.length];
		EClass[] owners = new EClass[steps.length];
		int[] featureIds = new int[steps.length];
		EClass current = owner;
		for (int i = 0; i < steps.length; i++) {
			EStructuralFeature feature = current.getEStructuralFeature(steps[i]);
			if (feature == null) {
				throw new IllegalArgumentException(current.getName() + " has no feature '" + steps[i] + "'");
			}
			owners[i] = current;
			featureIds[i] = current.getFeatureID(feature);
			if (i < steps.length - 1) {
				if (!(feature instanceof EReference reference) || !reference.isContainment()) {
					throw new IllegalArgumentException(current.getName() + "." + steps[i] + " is not a contained object");
				}
				current = reference.getEReferenceType();
			}
			features[i] = feature;
		}
		EStructuralFeature last = features[features.length - 1];
		return new TargetPath(text, steps, features, owners, featureIds,
				last instanceof EAttribute attribute ? coercion.converterFor(attribute.getEAttributeType()) : null);
	}

	public EStructuralFeature last() {
		return features[features.length - 1];
	}
}
