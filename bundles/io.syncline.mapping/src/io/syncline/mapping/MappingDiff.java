package io.syncline.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.Rule;

/**
 * Two versions of a mapping compared rule by rule: rules are matched by where they write (their target, under the
 * loops they sit in: {@code lines/quantity/value}), so a rule that moved in the list is the same rule; each change
 * names the rule and what changed in it (expression, condition, sources, default, required, loop source).
 */
public final class MappingDiff {

	/** What happened to a rule between the versions. */
	public enum Kind {
		ADDED, REMOVED, CHANGED
	}

	/** One rule that differs: where it writes, how, and in words what changed. */
	public record Change(Kind kind, String target, List<String> differences) {

		@Override
		public String toString() {
			return kind.name().toLowerCase() + " " + target
					+ (differences.isEmpty() ? "" : ": " + String.join("; ", differences));
		}
	}

	private MappingDiff() {
	}

	public static List<Change> compare(Mapping older, Mapping newer) {
		Map<String, Rule> before = index(older);
		Map<String, Rule> after = index(newer);
		List<Change> changes = new ArrayList<>();
		for (Map.Entry<String, Rule> entry : before.entrySet()) {
			Rule now = after.get(entry.getKey());
			if (now == null) {
				changes.add(new Change(Kind.REMOVED, entry.getKey(), List.of()));
			} else {
				List<String> differences = differences(entry.getValue(), now);
				if (!differences.isEmpty()) {
					changes.add(new Change(Kind.CHANGED, entry.getKey(), differences));
				}
			}
		}
		for (Map.Entry<String, Rule> entry : after.entrySet()) {
			if (!before.containsKey(entry.getKey())) {
				changes.add(new Change(Kind.ADDED, entry.getKey(), describe(entry.getValue())));
			}
		}
		return changes;
	}

	private static Map<String, Rule> index(Mapping mapping) {
		Map<String, Rule> rules = new LinkedHashMap<>();
		index(mapping.getRules(), "", rules);
		return rules;
	}

	private static void index(List<Rule> rules, String prefix, Map<String, Rule> into) {
		for (Rule rule : rules) {
			String key = prefix + rule.getTarget() + (rule instanceof LoopRule ? "[]" : "");
			String unique = key;
			for (int n = 2; into.containsKey(unique); n++) {
				unique = key + " #" + n; // a second rule writing the same place (under another condition)
			}
			into.put(unique, rule);
			if (rule instanceof LoopRule loop) {
				index(loop.getRules(), prefix + rule.getTarget() + "/", into);
			}
		}
	}

	private static List<String> differences(Rule was, Rule now) {
		List<String> differences = new ArrayList<>();
		if (was.getClass() != now.getClass()) {
			differences.add("was a " + kind(was) + ", now a " + kind(now));
			return differences;
		}
		compare(differences, "condition", was.getCondition(), now.getCondition());
		if (was instanceof FieldRule a && now instanceof FieldRule b) {
			compare(differences, "sources", String.join(", ", a.getSources()), String.join(", ", b.getSources()));
			compare(differences, "expression", a.getExpression(), b.getExpression());
			compare(differences, "default", a.getDefaultValue(), b.getDefaultValue());
			if (a.isRequired() != b.isRequired()) {
				differences.add(b.isRequired() ? "now required" : "no longer required");
			}
		} else if (was instanceof LoopRule a && now instanceof LoopRule b) {
			compare(differences, "loop source", a.getSource(), b.getSource());
		}
		compare(differences, "description", was.getDescription(), now.getDescription());
		return differences;
	}

	private static List<String> describe(Rule rule) {
		List<String> said = new ArrayList<>();
		if (rule instanceof FieldRule field) {
			if (!field.getSources().isEmpty()) {
				said.add("from " + String.join(", ", field.getSources()));
			}
			if (field.getExpression() != null) {
				said.add("expression " + field.getExpression());
			}
		} else if (rule instanceof LoopRule loop) {
			said.add("each " + loop.getSource());
		}
		return said;
	}

	private static void compare(List<String> differences, String what, String was, String now) {
		String a = was == null || was.isEmpty() ? null : was;
		String b = now == null || now.isEmpty() ? null : now;
		if (!Objects.equals(a, b)) {
			differences.add(what + " " + (a == null ? "(none)" : "'" + a + "'") + " → " + (b == null ? "(none)"
					: "'" + b + "'"));
		}
	}

	private static String kind(Rule rule) {
		return rule instanceof LoopRule ? "loop" : "field rule";
	}
}
