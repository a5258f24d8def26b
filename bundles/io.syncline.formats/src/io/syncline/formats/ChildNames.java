package io.syncline.formats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed child names of records that all share one layout, such as the rows under a CSV header: a path step
 * finds its column by one hash lookup instead of comparing names child by child. Names must be unique.
 */
public final class ChildNames {

	private final List<String> names;
	private final Map<String, Integer> positions;

	public ChildNames(List<String> names) {
		this.names = List.copyOf(names);
		this.positions = new HashMap<>(names.size() * 2);
		for (int i = 0; i < names.size(); i++) {
			if (positions.putIfAbsent(names.get(i), i) != null) {
				throw new IllegalArgumentException("child name '" + names.get(i) + "' occurs twice");
			}
		}
	}

	public int size() {
		return names.size();
	}

	public String name(int position) {
		return names.get(position);
	}

	/** The position of the child of that name, or -1. */
	public int positionOf(String name) {
		Integer position = positions.get(name);
		return position == null ? -1 : position;
	}
}
