package io.syncline.mapping.internal;

import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

import io.syncline.mapping.ReferenceResolver;

/**
 * Builds a canonical object. Paths are feature names; single containments on the way are created as needed
 * ({@code cost/amount} creates the Money), a many containment continues with its last element. A non-containment
 * reference takes a business key and resolves it.
 */
public final class EObjectTarget implements TargetBuilder {

	private final EObject object;
	private final ValueCoercion coercion;
	private final ReferenceResolver references;

	public EObjectTarget(EObject object, ValueCoercion coercion, ReferenceResolver references) {
		this.object = object;
		this.coercion = coercion;
		this.references = references;
	}

	@Override
	public void set(TargetPath path, Object value) {
		EObject owner = owner(path);
		EStructuralFeature feature = path.last();
		if (feature instanceof EAttribute attribute) {
			Object coerced = path.converter() != null ? path.converter().convert(value)
					: coercion.to(attribute.getEAttributeType(), value);
			int last = path.features().length - 1;
			if (!attribute.isMany() && owner.eClass() == path.owners()[last]) {
				// by feature id: the reflective eSet would look the feature up in the class on every call
				((InternalEObject) owner).eSet(path.featureIds()[last], coerced);
			} else if (attribute.isMany()) {
				@SuppressWarnings("unchecked")
				List<Object> values = (List<Object>) owner.eGet(attribute);
				values.add(coerced);
			} else {
				owner.eSet(attribute, coerced);
			}
		} else if (feature instanceof EReference reference && !reference.isContainment()) {
			owner.eSet(reference, resolve(reference.getEReferenceType(), ValueCoercion.text(value)));
		} else {
			throw new IllegalArgumentException(path.text() + " is a contained object; map its features, not a value");
		}
	}

	private EObject resolve(EClass type, String key) {
		EObject found = references.resolve(type, key);
		if (found == null) {
			throw new IllegalArgumentException("unknown " + type.getName() + " '" + key + "'");
		}
		return found;
	}

	@Override
	public TargetBuilder add(TargetPath path) {
		EObject owner = owner(path);
		EReference reference = (EReference) path.last();
		EObject child = EcoreUtil.create(reference.getEReferenceType());
		@SuppressWarnings("unchecked")
		List<EObject> children = (List<EObject>) owner.eGet(reference);
		children.add(child);
		return new EObjectTarget(child, coercion, references);
	}

	/** The object owning the last step, creating single containments on the way. */
	private EObject owner(TargetPath path) {
		EObject current = object;
		EStructuralFeature[] features = path.features();
		for (int i = 0; i < features.length - 1; i++) {
			EReference reference = (EReference) features[i];
			Object child = current.eClass() == path.owners()[i]
					? ((InternalEObject) current).eGet(path.featureIds()[i], true, true)
					: current.eGet(reference);
			if (reference.isMany()) {
				@SuppressWarnings("unchecked")
				List<EObject> children = (List<EObject>) child;
				if (children.isEmpty()) {
					children.add(EcoreUtil.create(reference.getEReferenceType()));
				}
				current = children.get(children.size() - 1);
			} else {
				if (child == null) {
					child = EcoreUtil.create(reference.getEReferenceType());
					current.eSet(reference, child);
				}
				current = (EObject) child;
			}
		}
		return current;
	}

	@Override
	public Object result() {
		return object;
	}
}
