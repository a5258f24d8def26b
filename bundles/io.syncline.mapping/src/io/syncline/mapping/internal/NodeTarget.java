package io.syncline.mapping.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import io.syncline.formats.Node;
import io.syncline.formats.SourceLocation;

/**
 * Builds a format tree for outbound documents ({@code BEG/BEG03}, {@code PO1_LOOP}). Nodes on the way are reused
 * (the last of that name) or created; dates are written as X12 dates (CCYYMMDD), numbers in plain notation.
 */
public final class NodeTarget implements TargetBuilder {

	private static final SourceLocation MAPPED = SourceLocation.ofFile("mapped");

	private final Node node;

	public NodeTarget(Node node) {
		this.node = node;
	}

	@Override
	public void set(TargetPath path, Object value) {
		String[] steps = path.steps();
		Node owner = owner(steps);
		String name = steps[steps.length - 1];
		String text = value instanceof LocalDate date ? date.format(DateTimeFormatter.BASIC_ISO_DATE)
				: ValueCoercion.text(value);
		Node existing = owner.child(name);
		if (existing != null && existing.isLeaf()) {
			existing.setValue(text);
		} else {
			owner.addLeaf(name, text, MAPPED);
		}
	}

	@Override
	public TargetBuilder add(TargetPath path) {
		String[] steps = path.steps();
		Node owner = owner(steps);
		return new NodeTarget(owner.add(Node.branch(steps[steps.length - 1], MAPPED)));
	}

	private Node owner(String[] steps) {
		Node current = node;
		for (int i = 0; i < steps.length - 1; i++) {
			java.util.List<Node> named = current.children(steps[i]);
			current = named.isEmpty() ? current.add(Node.branch(steps[i], MAPPED)) : named.get(named.size() - 1);
		}
		return current;
	}

	@Override
	public Object result() {
		return node;
	}
}
