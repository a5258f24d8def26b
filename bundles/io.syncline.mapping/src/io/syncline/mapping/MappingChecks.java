package io.syncline.mapping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import io.syncline.formats.infer.FieldType;
import io.syncline.mapping.functions.FunctionCatalog;
import io.syncline.mapping.model.DataType;
import io.syncline.mapping.model.Direction;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.Rule;
import io.syncline.mapping.model.SchemaNode;
import io.syncline.model.canonical.CanonicalPackage;

/**
 * Everything wrong with a mapping, as the editor marks it: what the compiler refuses, and what would only show when
 * records run (a call to a function that does not exist, a required feature no rule fills, a source path the
 * sample's tree does not have, a text mapped to a number without a conversion). Errors stop a publish; a source
 * path the tree lacks is a warning, because the rule is kept as written and the sample may simply lack it.
 */
public final class MappingChecks {

	private MappingChecks() {
	}

	/**
	 * @param sourceRoot the sample's tree, or null when the tree is only what the rules name (no sample read):
	 *                   then source paths are not checked
	 */
	public static List<MappingProblem> check(Mapping mapping, MappingEnvironment environment, SchemaNode sourceRoot) {
		List<MappingProblem> problems = new ArrayList<>(MappingCompiler.problems(mapping, environment));
		unknownFunctions(problems, "", "filter", mapping.getFilter());
		SchemaNode context = sourceRoot == null ? null : SchemaTrees.recordContext(mapping, sourceRoot);
		boolean inbound = mapping.getDirection() != Direction.OUTBOUND;
		EClassifier target = inbound ? CanonicalPackage.eINSTANCE.getEClassifier(mapping.getTargetType()) : null;
		checkRules(problems, mapping.getRules(), "", context, target instanceof EClass type ? type : null);
		return problems;
	}

	private static void checkRules(List<MappingProblem> problems, List<Rule> rules, String prefix, SchemaNode context,
			EClass owner) {
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			String at = prefix + (i + 1);
			String label = "rule " + at + " (" + rule.getTarget() + ")";
			unknownFunctions(problems, at, label + " condition", rule.getCondition());
			if (rule instanceof FieldRule field) {
				unknownFunctions(problems, at, label, field.getExpression());
				for (String source : field.getSources()) {
					SchemaNode node = context == null ? null : SchemaTrees.resolve(context, source);
					if (context != null && node == null) {
						problems.add(MappingProblem.warning(at, label + ": source " + source
								+ " is not in the sample's tree; the rule is kept as written (unresolved)"));
					} else if (node != null && owner != null && blank(field.getExpression())) {
						typeMismatch(problems, at, label, source, node, feature(owner, rule.getTarget()));
					}
				}
			} else if (rule instanceof LoopRule loop) {
				SchemaNode element = context == null ? null : SchemaTrees.resolve(context, loop.getSource());
				if (context != null && element == null) {
					problems.add(MappingProblem.warning(at, label + ": loop source " + loop.getSource()
							+ " is not in the sample's tree; the loop is kept as written (unresolved)"));
				}
				EStructuralFeature feature = owner == null ? null : feature(owner, rule.getTarget());
				EClass elementType = feature instanceof EReference reference && reference.isContainment()
						? reference.getEReferenceType() : null;
				checkRules(problems, loop.getRules(), at + ".", element, elementType);
				if (elementType != null) {
					unmapped(problems, at, label + ": ", elementType, "", loop.getRules());
				}
			}
		}
		if (prefix.isEmpty() && owner != null) {
			unmapped(problems, "", "", owner, "", rules);
		}
	}

	/** Required features below {@code prefix} of {@code type} that no rule of this level targets. */
	private static void unmapped(List<MappingProblem> problems, String at, String label, EClass type, String prefix,
			List<Rule> rules) {
		for (EStructuralFeature feature : type.getEAllStructuralFeatures()) {
			if (feature.isDerived() || feature.isTransient() || feature instanceof EReference r && r.isContainer()) {
				continue;
			}
			String path = prefix + feature.getName();
			boolean mapped = rules.stream().anyMatch(rule -> rule.getTarget() != null
					&& (rule.getTarget().equals(path) || rule.getTarget().startsWith(path + "/")));
			if (feature instanceof EReference reference && reference.isContainment() && !reference.isMany()
					&& mapped) {
				// a value object some rule fills: its own required parts must be filled too
				unmapped(problems, at, label, reference.getEReferenceType(), path + "/", rules);
				continue;
			}
			boolean required = feature.getLowerBound() > 0
					&& !(feature instanceof EAttribute && feature.getDefaultValueLiteral() != null);
			if (required && !mapped) {
				problems.add(MappingProblem.error(at, label + path + " is required, and no rule maps it"));
			}
		}
	}

	private static EStructuralFeature feature(EClass owner, String targetPath) {
		if (targetPath == null) {
			return null;
		}
		EClass type = owner;
		EStructuralFeature feature = null;
		for (String step : targetPath.split("/")) {
			if (type == null) {
				return null;
			}
			feature = type.getEStructuralFeature(step);
			if (feature == null) {
				return null;
			}
			type = feature instanceof EReference reference ? reference.getEReferenceType() : null;
		}
		return feature;
	}

	/** A value read as is into a feature it does not fit: words into a number, a number into a date. */
	private static void typeMismatch(List<MappingProblem> problems, String at, String label, String source,
			SchemaNode node, EStructuralFeature feature) {
		if (!(feature instanceof EAttribute attribute) || node.getType() == null) {
			return;
		}
		Class<?> target = attribute.getEAttributeType().getInstanceClass();
		boolean numeric = target == java.math.BigDecimal.class || target == int.class || target == Integer.class
				|| target == long.class || target == double.class;
		boolean date = target == java.time.LocalDate.class || target == java.util.Date.class;
		DataType from = node.getType();
		if (from == DataType.STRING && node.getSample() != null) {
			// a schema's text type says little (an X12 AN element holding 1): the sample's value says what it is
			FieldType seen = FieldType.of(node.getSample());
			from = seen == null ? from : SchemaTrees.dataType(seen);
		} else if (from == DataType.STRING) {
			return; // nothing seen: no grounds for a warning
		}
		String sample = node.getSample() == null ? "" : " (e.g. " + node.getSample() + ")";
		if (numeric && (from == DataType.STRING || from == DataType.DATE || from == DataType.BOOLEAN)) {
			problems.add(MappingProblem.warning(at, label + ": source " + source + " is " + words(from) + sample
					+ " but " + feature.getName() + " is a number; convert it, e.g. fn:number(value)"));
		} else if (date && (from == DataType.STRING || from == DataType.INTEGER || from == DataType.DECIMAL)) {
			problems.add(MappingProblem.warning(at, label + ": source " + source + " is " + words(from) + sample
					+ " but " + feature.getName() + " is a date; convert it, e.g. fn:date(value, 'yyyyMMdd')"));
		}
	}

	private static String words(DataType type) {
		return switch (type) {
		case STRING -> "text";
		case DATE -> "a date";
		case BOOLEAN -> "true or false";
		case INTEGER, DECIMAL -> "a number";
		default -> type.getLiteral().toLowerCase();
		};
	}

	private static void unknownFunctions(List<MappingProblem> problems, String at, String label, String expression) {
		for (String name : FunctionCatalog.unknownCalls(expression)) {
			problems.add(MappingProblem.error(at, (label.isEmpty() ? "" : label + ": ") + "unknown function fn:" + name
					+ " (Ctrl+Space lists the functions)"));
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
