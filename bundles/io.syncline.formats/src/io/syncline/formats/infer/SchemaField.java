package io.syncline.formats.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a source's structure: its name, type, whether it repeats within its parent and whether every parent
 * has it, a title (X12) and a sample value. Groups hold children in the order first seen.
 */
public final class SchemaField {

	private final String name;
	private FieldType type;
	private boolean repeating;
	private boolean required = true;
	private String title;
	private String sample;
	/** The type of the text of a group that has text of its own (an XML element with attributes); null if none. */
	private FieldType textType;
	private final Map<String, SchemaField> children = new LinkedHashMap<>();

	public SchemaField(String name) {
		this.name = name;
	}

	public String name() {
		return name;
	}

	public FieldType type() {
		return type == null ? FieldType.STRING : type;
	}

	public boolean repeating() {
		return repeating;
	}

	public boolean required() {
		return required;
	}

	public String title() {
		return title;
	}

	/**
	 * The name as an analyst reads it in a tree: an X12 element with its position set apart and its title
	 * ({@code PO1-07 Product/Service ID}), a segment or loop with its title, anything else by its name.
	 */
	public String label() {
		return label(name, title);
	}

	/** {@link #label()} of a field by its name and title, for trees kept elsewhere (a mapping's source schema). */
	public static String label(String name, String title) {
		java.util.regex.Matcher element = X12_ELEMENT.matcher(name);
		if (title != null && element.matches()) {
			return element.group(1) + "-" + element.group(2) + " " + title;
		}
		return title == null ? name : name + " " + title;
	}

	private static final java.util.regex.Pattern X12_ELEMENT = java.util.regex.Pattern.compile("([A-Z][A-Z0-9]{1,2})(\\d{2})");

	public String sample() {
		return sample;
	}

	/**
	 * Whether this group carries a value of its own besides its children: an XML element with attributes and text,
	 * such as {@code <Price currency="USD">32.91</Price>}, whose path reads the text.
	 */
	public boolean hasText() {
		return textType != null;
	}

	/** The type of a group's own text ({@link #hasText()}), or null. */
	public FieldType textType() {
		return textType;
	}

	public List<SchemaField> children() {
		return new ArrayList<>(children.values());
	}

	public SchemaField child(String childName) {
		return children.computeIfAbsent(childName, SchemaField::new);
	}

	SchemaField existingChild(String childName) {
		return children.get(childName);
	}

	void observeValue(String value) {
		FieldType seen = FieldType.of(value);
		type = type == null ? seen : seen == null ? type : type.merge(seen);
		sampleIfNone(value);
	}

	void observeText(String value) {
		FieldType seen = FieldType.of(value);
		if (seen != null) {
			textType = textType == null ? seen : textType.merge(seen);
		}
		sampleIfNone(value);
	}

	/** A sample value where there is none yet, leaving the type as declared (an X12 schema's). */
	void sampleIfNone(String value) {
		if (sample == null && value != null && !value.isBlank()) {
			sample = value.length() > 40 ? value.substring(0, 40) + "…" : value;
		}
	}

	void markGroup() {
		type = FieldType.GROUP;
	}

	void markRepeating() {
		repeating = true;
	}

	void markOptional() {
		required = false;
	}

	void describe(String title, FieldType declared, boolean repeats, boolean mandatory) {
		this.title = title;
		this.type = declared;
		this.repeating = repeats;
		this.required = mandatory;
	}

	/** The tree as indented text, one field per line. */
	public String render() {
		StringBuilder out = new StringBuilder();
		render(out, 0);
		return out.toString();
	}

	private void render(StringBuilder out, int depth) {
		out.append("  ".repeat(depth)).append(name).append(repeating ? "[]" : "");
		out.append("  ").append(type().name().toLowerCase());
		if (textType != null) {
			out.append(" with text ").append(textType.name().toLowerCase());
		}
		if (!required) {
			out.append(" optional");
		}
		if (title != null) {
			out.append("  ").append(title);
		}
		if (sample != null) {
			out.append("  e.g. ").append(sample);
		}
		out.append('\n');
		for (SchemaField child : children.values()) {
			child.render(out, depth + 1);
		}
	}
}
