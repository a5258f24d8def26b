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
	private static final byte NAMED_STEP = 0;
	private static final byte ANY_STEP = 1;
	private static final byte UP_STEP = 2;

	private final String text;
	private final boolean absolute;
	private final String[] steps;
	/** Per step: {@link #NAMED_STEP}, {@link #ANY_STEP} or {@link #UP_STEP}, told once. */
	private final byte[] kinds;
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
		this.kinds = new byte[steps.length];
		for (int i = 0; i < steps.length; i++) {
			kinds[i] = UP.equals(steps[i]) ? UP_STEP : ANY.equals(steps[i]) ? ANY_STEP : NAMED_STEP;
		}
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
		return (Node) find(origin(start), 0, false);
	}

	/**
	 * The first node reached, or with {@code value} its value: a named last step of a record with a layout then
	 * reads the value by position, without making the field's node.
	 */
	private Object find(Node node, int step, boolean value) {
		if (node == null) {
			return null;
		}
		if (step == steps.length) {
			return value ? node.value() : node;
		}
		byte kind = kinds[step];
		if (kind == UP_STEP) {
			return find(node.parent(), step + 1, value);
		}
		ChildNames layout = node.childNames();
		if (layout != null && kind == NAMED_STEP) {
			int position = positionIn(layout, step, steps[step]);
			if (position < 0 || position >= node.childCount()) {
				return null;
			}
			return value && step == steps.length - 1 ? node.childValue(position)
					: find(node.childAt(position), step + 1, value);
		}
		String name = steps[step];
		for (int i = 0, count = node.childCount(); i < count; i++) {
			Node child = node.childAt(i);
			if (kind == ANY_STEP || child.name().equals(name)) {
				// the first node reached counts, even if it has no value: search nodes, then take the value
				Node found = (Node) find(child, step + 1, false);
				if (found != null) {
					return value ? found.value() : found;
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
		return (String) find(origin(start), 0, true);
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
