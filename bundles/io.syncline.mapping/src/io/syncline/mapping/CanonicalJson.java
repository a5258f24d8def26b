package io.syncline.mapping;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syncline.mapping.internal.BusinessKeys;

/**
 * Canonical objects as JSON, the form of mapping output and golden files: {@code "type"} names the class, set
 * features follow in model order, references appear as the referenced object's business key, decimals keep their
 * scale, dates are ISO.
 */
public final class CanonicalJson {

	private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

	private CanonicalJson() {
	}

	public static ObjectNode toJson(EObject object) {
		ObjectNode json = JSON.objectNode();
		json.put("type", object.eClass().getName());
		for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
			if (!object.eIsSet(feature)) {
				continue;
			}
			Object value = object.eGet(feature);
			if (feature.isMany()) {
				ArrayNode array = json.putArray(feature.getName());
				for (Object element : (List<?>) value) {
					array.add(value(feature, element));
				}
			} else {
				json.set(feature.getName(), value(feature, value));
			}
		}
		return json;
	}

	private static JsonNode value(EStructuralFeature feature, Object value) {
		if (value == null) {
			return JSON.nullNode();
		}
		if (feature instanceof EReference reference) {
			EObject target = (EObject) value;
			return reference.isContainment() ? toJson(target) : JSON.textNode(BusinessKeys.of(target));
		}
		if (feature instanceof EAttribute) {
			if (value instanceof BigDecimal number) {
				return JSON.numberNode(number);
			}
			if (value instanceof Integer number) {
				return JSON.numberNode(number);
			}
			if (value instanceof Boolean flag) {
				return JSON.booleanNode(flag);
			}
			if (value instanceof Enumerator literal) {
				return JSON.textNode(literal.getName());
			}
		}
		return JSON.textNode(value.toString());
	}

	public static ArrayNode array(List<? extends EObject> objects) {
		ArrayNode array = JSON.arrayNode();
		objects.forEach(o -> array.add(toJson(o)));
		return array;
	}
}
