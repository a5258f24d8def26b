package io.syncline.formats.x12.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDILoopType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDISyntaxRule;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.schema.Schema;

/**
 * A transaction-set schema compiled for {@link TransactionValidator}: the same StAEDI schema objects, flattened into
 * arrays once, so that placing a segment or checking an element is an index lookup. StAEDI's own validator filters
 * its schema tree per element read, which costs more than the rest of reading an interchange together.
 * <p>
 * Schemas with features compiled here are the whole of what Syncline ships; a schema with an implementation
 * (guideline) section, version-specific rules or a syntax rule type not known here gets no grammar, and the reader
 * falls back to StAEDI's validator for it.
 */
public final class TransactionGrammar {

	private static final Set<EDISyntaxRule.Type> RULES = EnumSet.of(EDISyntaxRule.Type.PAIRED,
			EDISyntaxRule.Type.REQUIRED, EDISyntaxRule.Type.EXCLUSION, EDISyntaxRule.Type.CONDITIONAL,
			EDISyntaxRule.Type.LIST, EDISyntaxRule.Type.SINGLE);

	final GroupRule root;
	private final Schema schema;

	private TransactionGrammar(GroupRule root, Schema schema) {
		this.root = root;
		this.schema = schema;
	}

	/** The grammar of a transaction-set schema, or null when the schema uses what only StAEDI's validator knows. */
	public static TransactionGrammar of(Schema schema) {
		if (schema.getImplementation() != null) {
			return null;
		}
		try {
			return new TransactionGrammar(new Compiler().group(schema.getStandard(), false), schema);
		} catch (Unsupported e) {
			return null;
		}
	}

	/** Whether the schema defines this segment type at all, used or not in the transaction's sequence. */
	boolean definesSegment(String tag) {
		return schema.containsSegment(tag);
	}

	/** The loop codes and segment tags in schema order, indented by depth: for tests and diagnostics. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		describe(root, "", text);
		return text.toString();
	}

	private static void describe(GroupRule group, String indent, StringBuilder text) {
		for (GroupRule.Item item : group.items) {
			text.append(indent).append(item.isLoop() ? item.group.code : item.tag).append(' ').append(item.minOccurs)
					.append("..").append(item.maxOccurs).append('\n');
			if (item.isLoop()) {
				describe(item.group, indent + "  ", text);
			}
		}
	}

	private static final class Unsupported extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Unsupported() {
			super(null, null, false, false);
		}
	}

	/** Compiles each segment type once, however many places use it. */
	private static final class Compiler {
		private final Map<String, SegmentRule> segments = new HashMap<>();

		GroupRule group(EDIComplexType type, boolean loop) {
			List<GroupRule.Item> items = new ArrayList<>();
			for (EDIReference reference : type.getReferences()) {
				requireUnversioned(reference);
				EDIType child = reference.getReferencedType();
				if (child.isType(EDIType.Type.SEGMENT)) {
					SegmentRule segment = segment((EDIComplexType) child);
					items.add(new GroupRule.Item(segment.tag, reference.getMinOccurs(), reference.getMaxOccurs(), segment,
							null));
				} else if (child.isType(EDIType.Type.LOOP)) {
					GroupRule group = group((EDIComplexType) child, true);
					if (group.items.length == 0 || group.items[0].isLoop()) {
						throw new Unsupported();
					}
					items.add(new GroupRule.Item(group.items[0].tag, reference.getMinOccurs(), reference.getMaxOccurs(),
							null, group));
				} else {
					throw new Unsupported();
				}
			}
			if (!type.getSyntaxRules().isEmpty()) {
				throw new Unsupported(); // loop-level syntax rules: StAEDI's validator handles them
			}
			int level = 0;
			int parent = 0;
			if (type instanceof EDILoopType hierarchical && hierarchical.getLevelIdPosition() != null) {
				level = hierarchical.getLevelIdPosition().getElementPosition();
				parent = hierarchical.getParentIdPosition() == null ? 0
						: hierarchical.getParentIdPosition().getElementPosition();
			}
			return new GroupRule(type.getCode(), loop, level, parent, items.toArray(GroupRule.Item[]::new));
		}

		private SegmentRule segment(EDIComplexType type) {
			SegmentRule known = segments.get(type.getId());
			if (known == null) {
				known = new SegmentRule(type.getId(), elements(type), rules(type));
				segments.put(type.getId(), known);
			}
			return known;
		}

		private ElementRule[] elements(EDIComplexType type) {
			List<EDIReference> references = type.getReferences();
			ElementRule[] elements = new ElementRule[references.size()];
			for (int i = 0; i < elements.length; i++) {
				elements[i] = element(references.get(i));
			}
			return elements;
		}

		private ElementRule element(EDIReference reference) {
			requireUnversioned(reference);
			EDIType type = reference.getReferencedType();
			if (type instanceof EDISimpleType simple) {
				if (simple.hasVersions()) {
					throw new Unsupported();
				}
				return new ElementRule(simple.getId(), reference.getMinOccurs(), reference.getMaxOccurs(),
						simple.getBase(), simple.getMinLength(), simple.getMaxLength(), Set.copyOf(simple.getValueSet()),
						null, null);
			}
			if (type.isType(EDIType.Type.COMPOSITE)) {
				EDIComplexType composite = (EDIComplexType) type;
				return new ElementRule(composite.getId(), reference.getMinOccurs(), reference.getMaxOccurs(), null, 0, 0,
						Set.of(), elements(composite), rules(composite));
			}
			throw new Unsupported();
		}

		private static SyntaxCheck[] rules(EDIComplexType type) {
			List<EDISyntaxRule> rules = type.getSyntaxRules();
			SyntaxCheck[] checks = new SyntaxCheck[rules.size()];
			for (int i = 0; i < checks.length; i++) {
				EDISyntaxRule rule = rules.get(i);
				if (!RULES.contains(rule.getType())) {
					throw new Unsupported();
				}
				checks[i] = new SyntaxCheck(rule.getType(),
						rule.getPositions().stream().mapToInt(Integer::intValue).toArray());
			}
			return checks;
		}

		private static void requireUnversioned(EDIReference reference) {
			if (reference.hasVersions()) {
				throw new Unsupported();
			}
		}
	}
}
