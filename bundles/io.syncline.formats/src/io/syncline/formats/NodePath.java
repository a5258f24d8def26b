package io.syncline.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled path through a {@link Node} tree: steps separated by {@code /}; {@code *} matches any child,
 * {@code ..} goes to the parent (the record's context), a leading {@code /} starts at the topmost context. Compile a
 * path once and evaluate it per record.
 */
public final class NodePath {

	private static final String ANY = "*";
	private static final String UP = "..";

	private final String text;
	private final boolean absolute;
	private final String[] steps;
	/**
	 * Per step, the child position last found in records of one layout (CSV rows): the next row of that layout
	 * needs no lookup at all. Racy by design: a hint is immutable, and a stale one only costs a lookup.
	 */
	private final LayoutHint[] hints;

	private record LayoutHint(ChildNames layout, int position) {
	}

	private NodePath(String text, boolean absolute, String[] steps) {
		this.text = text;
		this.absolute = absolute;
		this.steps = steps;
		this.hints = new LayoutHint[steps.length];
	}

	public static NodePath compile(String path) {
		String trimmed = path.trim();
		boolean absolute = trimmed.startsWith("/");
		String body = absolute ? trimmed.substring(1) : trimmed;
		String[] steps = body.isEmpty() || body.equals(".") ? new String[0] : body.split("/");
		for (String step : steps) {
			if (step.isEmpty()) {
				throw new IllegalArgumentException("empty step in path '" + path + "'");
			}
		}
		return new NodePath(path, absolute, steps);
	}

	public String text() {
		return text;
	}

	/** The first node the path reaches, or null. */
	public Node first(Node start) {
		return first(origin(start), 0);
	}

	private Node first(Node node, int step) {
		if (node == null || step == steps.length) {
			return node;
		}
		String name = steps[step];
		if (UP.equals(name)) {
			return first(node.parent(), step + 1);
		}
		boolean any = ANY.equals(name);
		ChildNames layout = node.childNames();
		if (layout != null && !any) {
			int position = positionIn(layout, step, name);
			return position < 0 || position >= node.childCount() ? null : first(node.childAt(position), step + 1);
		}
		for (int i = 0, count = node.childCount(); i < count; i++) {
			Node child = node.childAt(i);
			if (any || child.name().equals(name)) {
				Node found = first(child, step + 1);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private int positionIn(ChildNames layout, int step, String name) {
		LayoutHint hint = hints[step];
		if (hint != null && hint.layout() == layout) {
			return hint.position();
		}
		int position = layout.positionOf(name);
		hints[step] = new LayoutHint(layout, position);
		return position;
	}

	/** Every node the path reaches, in document order. */
	public List<Node> all(Node start) {
		List<Node> found = new ArrayList<>();
		collect(origin(start), 0, found);
		return found;
	}

	private void collect(Node node, int step, List<Node> found) {
		if (node == null) {
			return;
		}
		if (step == steps.length) {
			found.add(node);
			return;
		}
		String name = steps[step];
		if (UP.equals(name)) {
			collect(node.parent(), step + 1, found);
			return;
		}
		boolean any = ANY.equals(name);
		for (int i = 0, count = node.childCount(); i < count; i++) {
			Node child = node.childAt(i);
			if (any || child.name().equals(name)) {
				collect(child, step + 1, found);
			}
		}
	}

	/** The value at the first node reached, or null. */
	public String value(Node start) {
		Node node = first(start);
		return node == null ? null : node.value();
	}

	private Node origin(Node start) {
		if (!absolute) {
			return start;
		}
		Node top = start;
		while (top.parent() != null) {
			top = top.parent();
		}
		return top;
	}

	@Override
	public String toString() {
		return text;
	}
}
