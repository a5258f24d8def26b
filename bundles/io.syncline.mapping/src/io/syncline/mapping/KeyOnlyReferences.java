package io.syncline.mapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

import io.syncline.mapping.internal.BusinessKeys;

/**
 * Resolves every key to an object of the wanted class holding only that key, one object per key, so offline runs
 * show which item or supplier a record refers to without a store.
 */
public final class KeyOnlyReferences implements ReferenceResolver {

	private final Map<EClass, Map<String, EObject>> made = new ConcurrentHashMap<>();

	@Override
	public EObject resolve(EClass type, String key) {
		if (type.isAbstract()) {
			return null;
		}
		Map<String, EObject> ofType = made.get(type);
		if (ofType == null) {
			ofType = made.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
		}
		EObject known = ofType.get(key);
		if (known != null) {
			return known;
		}
		EAttribute keyAttribute = BusinessKeys.keyAttribute(type);
		if (keyAttribute == null) {
			return null;
		}
		return ofType.computeIfAbsent(key, k -> {
			EObject object = EcoreUtil.create(type);
			object.eSet(keyAttribute, key);
			return object;
		});
	}
}
