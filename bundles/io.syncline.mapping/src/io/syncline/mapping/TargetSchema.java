package io.syncline.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import io.syncline.model.canonical.CanonicalPackage;

/**
 * The target tree of an inbound mapping: a canonical class's features as paths a rule can name
 * ({@code quantity/value}, {@code lines}), nested through contained objects, with each one's type, whether a
 * record must have it, and whether it repeats (a loop). A reference to another entity ({@code item},
 * {@code supplier}) is a leaf set by that entity's key. What the mapping editor's right pane shows.
 */
public final class TargetSchema {

	/** One feature of the target: its name, its path from the root, its type in words, required and repeating. */
	public record Node(String name, String path, String type, boolean required, boolean repeating,
			List<Node> children) {

		/** The node at a path below this one ({@code quantity/value}), or null. */
		public Node find(String relativePath) {
			Node current = this;
			for (String step : relativePath.split("/")) {
				Node next = null;
				for (Node child : current.children) {
					if (child.name.equals(step)) {
						next = child;
					}
				}
				if (next == null) {
					return null;
				}
				current = next;
			}
			return current;
		}
	}

	/** Contained objects nest this deep at most: the canonical model's deepest path is three steps. */
	private static final int DEEPEST = 6;

	private TargetSchema() {
	}

	/** The tree of a canonical entity, by its class name ({@code SupplierItem}); refused for anything else. */
	public static Node of(String canonicalClass) {
		EClassifier classifier = CanonicalPackage.eINSTANCE.getEClassifier(canonicalClass);
		if (!(classifier instanceof EClass type) || type.isAbstract()) {
			throw new IllegalArgumentException("'" + canonicalClass + "' is not a canonical entity (" + entities() + ")");
		}
		return new Node(type.getName(), "", type.getName(), true, false, children(type, "", new HashSet<>(), 0));
	}

	/** The canonical entities a mapping can make, by name. */
	public static List<String> entities() {
		List<String> names = new ArrayList<>();
		for (EClassifier classifier : CanonicalPackage.eINSTANCE.getEClassifiers()) {
			if (classifier instanceof EClass type && !type.isAbstract() && !type.isInterface()) {
				names.add(type.getName());
			}
		}
		names.sort(null);
		return names;
	}

	private static List<Node> children(EClass type, String prefix, Set<EClass> above, int depth) {
		List<Node> nodes = new ArrayList<>();
		if (depth > DEEPEST || !above.add(type)) {
			return nodes;
		}
		for (EStructuralFeature feature : type.getEAllStructuralFeatures()) {
			if (feature.isDerived() || feature.isTransient() || feature instanceof EReference r && r.isContainer()) {
				continue;
			}
			String path = prefix.isEmpty() ? feature.getName() : prefix + "/" + feature.getName();
			boolean required = feature.getLowerBound() > 0;
			boolean repeating = feature.isMany();
			if (feature instanceof EReference reference && reference.isContainment()) {
				EClass contained = reference.getEReferenceType();
				nodes.add(new Node(feature.getName(), path, contained.getName(), required, repeating,
						children(contained, repeating ? "" : path, above, depth + 1)));
			} else if (feature instanceof EReference reference) {
				nodes.add(new Node(feature.getName(), path, reference.getEReferenceType().getName() + " by key", required,
						repeating, List.of()));
			} else {
				nodes.add(new Node(feature.getName(), path, typeOf((EAttribute) feature), required, repeating,
						List.of()));
			}
		}
		above.remove(type);
		return nodes;
	}

	/** An attribute's type as an analyst reads it: text, decimal, integer, date, boolean, or the enum's values. */
	private static String typeOf(EAttribute attribute) {
		if (attribute.getEAttributeType() instanceof EEnum enumeration) {
			List<String> values = new ArrayList<>();
			enumeration.getELiterals().forEach(literal -> values.add(literal.getName()));
			return "one of " + String.join("|", values);
		}
		Class<?> type = attribute.getEAttributeType().getInstanceClass();
		if (type == null || type == String.class) {
			return "text";
		}
		if (type == java.math.BigDecimal.class || type == double.class || type == Double.class) {
			return "decimal";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == java.math.BigInteger.class) {
			return "integer";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "boolean";
		}
		if (java.util.Date.class.isAssignableFrom(type) || type.getName().startsWith("java.time.")) {
			return type == java.time.LocalDate.class ? "date" : "date-time";
		}
		return type.getSimpleName();
	}
}
