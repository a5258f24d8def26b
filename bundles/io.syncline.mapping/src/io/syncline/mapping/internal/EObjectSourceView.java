package io.syncline.mapping.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import io.syncline.formats.SourceLocation;
import io.syncline.mapping.SourceView;
import io.syncline.model.validation.ObjectLabels;

/**
 * A canonical object as the source of an outbound mapping. Paths are feature names ({@code lines/quantity/value});
 * {@code ..} is the container. A reference yields the referenced object's business key, an enum its literal name.
 */
public final class EObjectSourceView implements SourceView {

	private final EObject object;
	private final String origin;

	public EObjectSourceView(EObject object, String origin) {
		this.object = object;
		this.origin = origin;
	}

	@Override
	public Object value(String path) {
		List<Object> found = walk(path, true);
		if (found.isEmpty()) {
			return null;
		}
		Object value = found.get(0);
		if (value instanceof EObject reference) {
			return BusinessKeys.of(reference);
		}
		if (value instanceof Enumerator literal) {
			return literal.getName();
		}
		return value;
	}

	@Override
	public List<Object> values(String path) {
		return walk(path, false).stream().map(v -> v instanceof EObject reference ? BusinessKeys.of(reference)
				: v instanceof Enumerator literal ? literal.getName() : v).toList();
	}

	@Override
	public List<SourceView> each(String path) {
		List<SourceView> views = new ArrayList<>();
		for (Object value : walk(path, false)) {
			if (value instanceof EObject child) {
				views.add(new EObjectSourceView(child, origin));
			}
		}
		return views;
	}

	private List<Object> walk(String path, boolean firstOnly) {
		List<Object> current = List.of(object);
		for (String step : path.split("/")) {
			List<Object> next = new ArrayList<>();
			for (Object value : current) {
				if (!(value instanceof EObject eObject)) {
					continue;
				}
				if ("..".equals(step)) {
					if (eObject.eContainer() != null) {
						next.add(eObject.eContainer());
					}
					continue;
				}
				EStructuralFeature feature = eObject.eClass().getEStructuralFeature(step);
				if (feature == null) {
					throw new IllegalArgumentException(eObject.eClass().getName() + " has no feature '" + step + "'");
				}
				Object child = eObject.eGet(feature);
				if (feature.isMany()) {
					next.addAll((List<?>) child);
				} else if (child != null) {
					next.add(child);
				}
			}
			current = firstOnly && next.size() > 1 ? List.of(next.get(0)) : next;
		}
		return current;
	}

	@Override
	public SourceLocation locationOf(String path) {
		return location().withPath(ObjectLabels.of(object) + " / " + path);
	}

	@Override
	public SourceLocation location() {
		return SourceLocation.ofFile(origin).withPath(ObjectLabels.of(object));
	}
}
