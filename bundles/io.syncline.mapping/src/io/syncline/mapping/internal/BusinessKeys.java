package io.syncline.mapping.internal;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EcorePackage;

/** The business key of a canonical object: its first required String attribute (itemNumber, partnerId, code). */
public final class BusinessKeys {

	private BusinessKeys() {
	}

	public static EAttribute keyAttribute(EClass type) {
		for (EAttribute attribute : type.getEAllAttributes()) {
			if (attribute.getLowerBound() >= 1 && attribute.getEAttributeType() == EcorePackage.Literals.ESTRING) {
				return attribute;
			}
		}
		return null;
	}

	public static String of(EObject object) {
		EAttribute key = keyAttribute(object.eClass());
		return key == null ? null : (String) object.eGet(key);
	}
}
