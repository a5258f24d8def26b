package io.syncline.model.validation;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EcorePackage;

import io.syncline.model.canonical.DataSet;

/**
 * Names a model object the way a person would look for it: by its class and business key ("PurchaseOrder PO-45001"),
 * and for a nested object by the path from its top-level owner ("PurchaseOrder PO-45001 / lines[3] / quantity").
 */
public final class ObjectLabels {

	private ObjectLabels() {
	}

	public static String of(EObject object) {
		EObject container = object.eContainer();
		if (container == null || container instanceof DataSet) {
			String key = businessKey(object);
			return key == null ? object.eClass().getName() : object.eClass().getName() + " " + key;
		}
		EReference reference = object.eContainmentFeature();
		String step = reference.getName();
		if (reference.isMany()) {
			Object line = lineNumber(object);
			step += "[" + (line != null ? line : ((java.util.List<?>) container.eGet(reference)).indexOf(object)) + "]";
		}
		return of(container) + " / " + step;
	}

	/** The first required String attribute: itemNumber, poNumber, supplierSku and so on. */
	private static String businessKey(EObject object) {
		for (EAttribute attribute : object.eClass().getEAllAttributes()) {
			if (attribute.getLowerBound() >= 1 && attribute.getEAttributeType() == EcorePackage.Literals.ESTRING
					&& object.eGet(attribute) instanceof String value && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static Object lineNumber(EObject object) {
		var feature = object.eClass().getEStructuralFeature("lineNumber");
		return feature == null ? null : object.eGet(feature);
	}
}
