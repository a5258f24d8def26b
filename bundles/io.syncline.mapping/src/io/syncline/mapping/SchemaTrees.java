package io.syncline.mapping;

import java.util.ArrayList;
import java.util.List;

import io.syncline.formats.infer.FieldType;
import io.syncline.formats.infer.SchemaField;
import io.syncline.mapping.model.DataType;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.MappingFactory;
import io.syncline.mapping.model.Rule;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.mapping.model.SourceFormatKind;

/**
 * The two trees of a mapping as the editor shows them and rules name them, both as {@link SchemaNode}s. The source
 * tree is kept in the mapping ({@link Mapping#getSourceSchema()}) once a sample has been read, so a draft opens
 * with its tree even where the sample is not at hand. Paths between nodes are the rules' paths ({@code PO1/PO107}
 * or {@code quantity/value}, relative to a loop's element, {@code ..} to its context), so a rule is resolved or not
 * against a tree by its text alone.
 */
public final class SchemaTrees {

	private SchemaTrees() {
	}

	/**
	 * An inbound mapping's target tree: the canonical class's features, each one's type in words as its title
	 * ({@code decimal}, {@code Item by key}); a repeating feature's children are relative to its element.
	 */
	public static SchemaNode ofTarget(TargetSchema.Node target) {
		SchemaNode node = MappingFactory.eINSTANCE.createSchemaNode();
		node.setName(target.name());
		node.setTitle(target.type());
		node.setRequired(target.required());
		node.setRepeating(target.repeating());
		node.setType(target.children().isEmpty() ? DataType.STRING : DataType.GROUP);
		for (TargetSchema.Node child : target.children()) {
			node.getChildren().add(ofTarget(child));
		}
		return node;
	}

	/**
	 * The source tree of an outbound mapping: a canonical class's features, typed, with the values of a sample object
	 * beside them (a list's first element, a reference's key), read from the object given (null: no values).
	 */
	public static SchemaNode ofCanonical(String className, org.eclipse.emf.ecore.EObject sample) {
		return canonicalNode(TargetSchema.of(className), sample);
	}

	/** @param value the object a group reads from, or a leaf's value; null where the sample has none */
	private static SchemaNode canonicalNode(TargetSchema.Node feature, Object value) {
		SchemaNode node = MappingFactory.eINSTANCE.createSchemaNode();
		node.setName(feature.name());
		node.setRequired(feature.required());
		node.setRepeating(feature.repeating());
		node.setType(feature.children().isEmpty() ? dataType(feature.type()) : DataType.GROUP);
		for (TargetSchema.Node child : feature.children()) {
			node.getChildren().add(canonicalNode(child, value instanceof org.eclipse.emf.ecore.EObject object
					? childValue(object, child) : null));
		}
		if (feature.children().isEmpty() && value != null) {
			String text = String.valueOf(value);
			node.setSample(text.length() > 40 ? text.substring(0, 40) + "…" : text);
		}
		return node;
	}

	/** A child feature's value as an outbound rule reads it: a list's first element, a reference's key, a name. */
	private static Object childValue(org.eclipse.emf.ecore.EObject object, TargetSchema.Node child) {
		org.eclipse.emf.ecore.EStructuralFeature feature = object.eClass().getEStructuralFeature(child.name());
		Object value = feature == null ? null : object.eGet(feature);
		if (value instanceof List<?> list) {
			value = list.isEmpty() ? null : list.get(0);
		}
		if (value instanceof org.eclipse.emf.ecore.EObject referenced && child.children().isEmpty()) {
			return io.syncline.mapping.internal.BusinessKeys.of(referenced);
		}
		return value instanceof org.eclipse.emf.common.util.Enumerator literal ? literal.getName() : value;
	}

	private static DataType dataType(String words) {
		return switch (words) {
		case "decimal" -> DataType.DECIMAL;
		case "integer" -> DataType.INTEGER;
		case "date" -> DataType.DATE;
		case "date-time" -> DataType.DATETIME;
		case "boolean" -> DataType.BOOLEAN;
		default -> DataType.STRING;
		};
	}

	/**
	 * The target tree of a mapping: the canonical class inbound, the X12 transaction set outbound, else the paths
	 * the rules write.
	 */
	public static SchemaNode targetOf(Mapping mapping) {
		if (mapping.getDirection() != io.syncline.mapping.model.Direction.OUTBOUND) {
			return ofTarget(TargetSchema.of(mapping.getTargetType()));
		}
		if (mapping.getTargetType() != null && mapping.getTargetType().matches("\\d{3}")) {
			return of(io.syncline.formats.infer.SchemaInference.x12(mapping.getTargetType()));
		}
		SchemaNode root = MappingFactory.eINSTANCE.createSchemaNode();
		root.setName(mapping.getTargetType() == null ? "record" : mapping.getTargetType());
		root.setType(DataType.GROUP);
		placeTargets(root, mapping.getRules());
		return root;
	}

	private static void placeTargets(SchemaNode context, List<Rule> rules) {
		for (Rule rule : rules) {
			SchemaNode node = place(context, rule.getTarget(), rule instanceof LoopRule);
			if (rule instanceof LoopRule loop && node != null) {
				placeTargets(node, loop.getRules());
			}
		}
	}

	/** A tree inferred from a sample, as the mapping keeps it. */
	public static SchemaNode of(SchemaField field) {
		SchemaNode node = MappingFactory.eINSTANCE.createSchemaNode();
		node.setName(field.name());
		boolean group = field.type() == FieldType.GROUP;
		// a group with text of its own (an XML element with attributes) is typed by its text: it has a value too
		node.setType(group && field.hasText() ? dataType(field.textType()) : dataType(field.type()));
		node.setRepeating(field.repeating());
		node.setRequired(field.required());
		node.setTitle(field.title());
		node.setSample(field.sample());
		for (SchemaField child : field.children()) {
			node.getChildren().add(of(child));
		}
		return node;
	}

	static DataType dataType(FieldType type) {
		return switch (type) {
		case INTEGER -> DataType.INTEGER;
		case DECIMAL -> DataType.DECIMAL;
		case DATE -> DataType.DATE;
		case DATETIME -> DataType.DATETIME;
		case BOOLEAN -> DataType.BOOLEAN;
		case GROUP -> DataType.GROUP;
		default -> DataType.STRING;
		};
	}

	/**
	 * Where no sample was ever read: a tree of the paths the rules name, so every rule still shows and draws. Loop
	 * sources repeat; {@code ..} climbs from the loop; a path with {@code *}, or one that climbs above the record,
	 * is not placed (its rule shows as unresolved).
	 */
	public static SchemaNode fromRules(Mapping mapping) {
		SchemaNode root = MappingFactory.eINSTANCE.createSchemaNode();
		root.setName("record");
		root.setType(DataType.GROUP);
		SchemaNode context = root;
		if (isX12Within(mapping)) {
			context = place(root, mapping.getSource().getRecordPath(), true);
		}
		placeRules(context, mapping.getRules());
		return root;
	}

	private static void placeRules(SchemaNode context, List<Rule> rules) {
		for (Rule rule : rules) {
			if (rule instanceof FieldRule field) {
				field.getSources().forEach(source -> place(context, source, false));
			} else if (rule instanceof LoopRule loop && loop.getSource() != null) {
				SchemaNode element = place(context, loop.getSource(), true);
				if (element != null) {
					placeRules(element, loop.getRules());
				}
			}
		}
	}

	private static SchemaNode place(SchemaNode context, String path, boolean repeating) {
		if (path == null || path.isBlank() || path.startsWith("/") || path.contains("*")) {
			return null;
		}
		SchemaNode node = context;
		for (String step : path.trim().split("/")) {
			if ("..".equals(step)) {
				node = parent(node);
				if (node == null) {
					return null;
				}
				continue;
			}
			SchemaNode next = child(node, step);
			if (next == null) {
				next = MappingFactory.eINSTANCE.createSchemaNode();
				next.setName(step);
				next.setType(DataType.STRING);
				node.getChildren().add(next);
			}
			if (node.getType() != DataType.GROUP) {
				node.setType(DataType.GROUP);
			}
			node = next;
		}
		if (repeating) {
			node.setRepeating(true);
			node.setType(DataType.GROUP);
		}
		return node;
	}

	/** The node rules at the top of the mapping are relative to: the root, or an X12 record path's element. */
	public static SchemaNode recordContext(Mapping mapping, SchemaNode root) {
		if (isX12Within(mapping)) {
			SchemaNode within = resolve(root, mapping.getSource().getRecordPath());
			return within == null ? root : within;
		}
		return root;
	}

	private static boolean isX12Within(Mapping mapping) {
		return mapping.getSource() != null && mapping.getSource().getFormat() == SourceFormatKind.X12
				&& mapping.getSource().getRecordPath() != null && !mapping.getSource().getRecordPath().isBlank();
	}

	/** The node a source path names from a context node, or null if the tree has none. */
	public static SchemaNode resolve(SchemaNode context, String path) {
		if (context == null || path == null || path.isBlank()) {
			return null;
		}
		String text = path.trim();
		SchemaNode node = context;
		if (text.startsWith("/")) {
			while (parent(node) != null) {
				node = parent(node);
			}
			text = text.substring(1);
		}
		if (text.isEmpty() || text.equals(".")) {
			return node;
		}
		return walk(node, text.split("/"), 0);
	}

	private static SchemaNode walk(SchemaNode node, String[] steps, int from) {
		if (from == steps.length) {
			return node;
		}
		String step = steps[from];
		if ("..".equals(step)) {
			SchemaNode up = parent(node);
			return up == null ? null : walk(up, steps, from + 1);
		}
		if ("*".equals(step)) {
			for (SchemaNode child : node.getChildren()) {
				SchemaNode found = walk(child, steps, from + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		SchemaNode child = child(node, step);
		return child == null ? null : walk(child, steps, from + 1);
	}

	private static SchemaNode child(SchemaNode node, String name) {
		for (SchemaNode child : node.getChildren()) {
			if (child.getName().equals(name)) {
				return child;
			}
		}
		return null;
	}

	public static SchemaNode parent(SchemaNode node) {
		return node.eContainer() instanceof SchemaNode parent ? parent : null;
	}

	/**
	 * The path a rule in {@code context} names {@code node} by: down from the context, or up through {@code ..} to
	 * the nearest common ancestor first (a header field read inside a line loop).
	 */
	public static String path(SchemaNode context, SchemaNode node) {
		List<SchemaNode> down = new ArrayList<>();
		for (SchemaNode at = node; at != null; at = parent(at)) {
			down.add(0, at);
		}
		int ups = 0;
		for (SchemaNode at = context; at != null; at = parent(at), ups++) {
			int index = down.indexOf(at);
			if (index >= 0) {
				List<String> steps = new ArrayList<>();
				for (int i = 0; i < ups; i++) {
					steps.add("..");
				}
				for (SchemaNode step : down.subList(index + 1, down.size())) {
					steps.add(step.getName());
				}
				return steps.isEmpty() ? "." : String.join("/", steps);
			}
		}
		throw new IllegalArgumentException(node.getName() + " is not in the same tree as " + context.getName());
	}

	/** A node's name as an analyst reads it: {@code PO1-07 Product/Service ID} for an X12 element. */
	public static String label(SchemaNode node) {
		return SchemaField.label(node.getName(), node.getTitle());
	}

	/** Whether a node holds a value a rule can read (a leaf, or a group with text of its own). */
	public static boolean hasValue(SchemaNode node) {
		return node.getType() != DataType.GROUP;
	}
}
