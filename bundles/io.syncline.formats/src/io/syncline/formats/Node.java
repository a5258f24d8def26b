package io.syncline.formats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One record of a source as a small tree, the same shape for every format: a CSV row has one child per column, a
 * JSON object one per field (an array field becomes repeated children of the same name), an XML element its
 * attributes ({@code @name}) and child elements, an X12 transaction its segments and loops with elements
 * {@code BEG03}. Every node knows where it came from. The parent of a record node, if any, holds the context around
 * it: the XML ancestors' attributes, the JSON fields before the record array, the X12 envelope.
 */
public final class Node {

	private final String name;
	private final SourceLocation location;
	private String value;
	private List<Node> children = List.of();
	private Node parent;
	private boolean namedField;
	private ChildNames childNames;
	/**
	 * The values of a record made by {@link #record(String, SourceLocation, ChildNames, String[])}: its leaves are
	 * made only when a caller walks the children, since a mapping reads most fields by position and a wide file
	 * would otherwise allocate a node per field. Null once the leaves exist.
	 */
	private String[] fieldValues;

	public Node(String name, String value, SourceLocation location) {
		this.name = name;
		this.value = value;
		this.location = location;
	}

	/**
	 * A leaf that is a named field of a row: its location is the row's plus the field name, made only when asked
	 * for, since a wide file would otherwise allocate one per field.
	 */
	public static Node field(String name, String value, SourceLocation rowLocation) {
		Node node = new Node(name, value, rowLocation);
		node.namedField = true;
		return node;
	}

	public static Node branch(String name, SourceLocation location) {
		return new Node(name, null, location);
	}

	/**
	 * A record of named fields with these values, one per name of the layout, such as a CSV row; the array is kept,
	 * not copied. Each field is a leaf located at the record plus its name.
	 */
	public static Node record(String name, SourceLocation location, ChildNames childNames, String[] values) {
		if (values.length != childNames.size()) {
			throw new IllegalArgumentException(values.length + " values for " + childNames.size() + " fields");
		}
		Node node = new Node(name, null, location);
		node.childNames = childNames;
		node.fieldValues = values;
		return node;
	}

	/** The value of the child at that position, without making the child if it is not made yet. */
	public String childValue(int position) {
		return fieldValues != null ? fieldValues[position] : children.get(position).value;
	}

	private List<Node> madeChildren() {
		String[] values = fieldValues;
		if (values != null) {
			List<Node> made = new ArrayList<>(values.length);
			for (int i = 0; i < values.length; i++) {
				Node field = field(childNames.name(i), values[i], location);
				field.parent = this;
				made.add(field);
			}
			children = made;
			fieldValues = null;
		}
		return children;
	}

	/** The layout shared by all records of a source, when it has one; null otherwise. */
	public ChildNames childNames() {
		return childNames;
	}

	public int childCount() {
		return fieldValues != null ? fieldValues.length : children.size();
	}

	public Node childAt(int position) {
		return madeChildren().get(position);
	}

	public String name() {
		return name;
	}

	/** The text of a leaf; null for a branch or an absent value. */
	public String value() {
		return value;
	}

	public void setValue(String value) {
		this.value = value;
	}

	public SourceLocation location() {
		return namedField ? location.withField(name) : location;
	}

	public Node parent() {
		return parent;
	}

	public List<Node> children() {
		return Collections.unmodifiableList(madeChildren());
	}

	public Node add(Node child) {
		madeChildren();
		if (!(children instanceof ArrayList)) {
			children = new ArrayList<>(8);
		}
		children.add(child);
		child.parent = this;
		return child;
	}

	public Node addLeaf(String childName, String childValue, SourceLocation childLocation) {
		return add(new Node(childName, childValue, childLocation));
	}

	/** Attaches this record to its context without making it one of the context's children. */
	public void setContext(Node context) {
		this.parent = context;
	}

	/** The first child of that name, or null. */
	public Node child(String childName) {
		for (Node child : madeChildren()) {
			if (child.name.equals(childName)) {
				return child;
			}
		}
		return null;
	}

	public List<Node> children(String childName) {
		List<Node> found = new ArrayList<>();
		for (Node child : madeChildren()) {
			if (child.name.equals(childName)) {
				found.add(child);
			}
		}
		return found;
	}

	public boolean isLeaf() {
		return childCount() == 0;
	}

	@Override
	public String toString() {
		return value != null ? name + "=" + value : name + madeChildren();
	}
}
