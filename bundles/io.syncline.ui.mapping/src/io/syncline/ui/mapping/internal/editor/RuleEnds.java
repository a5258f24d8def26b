package io.syncline.ui.mapping.internal.editor;

import java.util.ArrayList;
import java.util.List;

import io.syncline.mapping.SchemaTrees;
import io.syncline.mapping.model.FieldRule;
import io.syncline.mapping.model.LoopRule;
import io.syncline.mapping.model.Mapping;
import io.syncline.mapping.model.Rule;
import io.syncline.mapping.model.SchemaNode;

/**
 * Every rule of a mapping with the nodes its ends name in the two trees, in the order the rule list shows them
 * (a loop, then its rules). A source path the tree lacks leaves its end null: the rule is unresolved, kept and shown
 * as such, never dropped. Rules inside a loop carry the loop's colour.
 */
public final class RuleEnds {

	/** One rule and its ends. */
	public record End(Rule rule, String path, int depth, int colour, List<SchemaNode> sources,
			List<String> unresolved, SchemaNode target, SchemaNode sourceContext, SchemaNode targetContext) {

		public boolean resolved() {
			return unresolved.isEmpty() && target != null;
		}

		public boolean isLoop() {
			return rule instanceof LoopRule;
		}

		/** The rule's source paths as written. */
		public List<String> sourcePaths() {
			return rule instanceof LoopRule loop ? List.of(String.valueOf(loop.getSource()))
					: ((FieldRule) rule).getSources();
		}
	}

	/** Colour 0 is for rules outside any loop; each top-level loop takes the next. */
	private int colours;

	private final List<End> ends = new ArrayList<>();

	private RuleEnds() {
	}

	public static List<End> of(Mapping mapping, SchemaNode sourceRoot, SchemaNode targetRoot) {
		RuleEnds walk = new RuleEnds();
		SchemaNode context = sourceRoot == null ? null : SchemaTrees.recordContext(mapping, sourceRoot);
		walk.walk(mapping.getRules(), "", 0, 0, context, targetRoot);
		return walk.ends;
	}

	private void walk(List<Rule> rules, String prefix, int depth, int colour, SchemaNode sourceContext,
			SchemaNode targetContext) {
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			String path = prefix + (i + 1);
			SchemaNode target = SchemaTrees.resolve(targetContext, rule.getTarget());
			List<SchemaNode> sources = new ArrayList<>();
			List<String> unresolved = new ArrayList<>();
			if (rule instanceof LoopRule loop) {
				SchemaNode element = SchemaTrees.resolve(sourceContext, loop.getSource());
				note(element, loop.getSource(), sources, unresolved);
				int loopColour = depth == 0 ? ++colours : colour;
				ends.add(new End(rule, path, depth, loopColour, sources, unresolved, target, sourceContext,
						targetContext));
				walk(loop.getRules(), path + ".", depth + 1, loopColour, element, target);
			} else if (rule instanceof FieldRule field) {
				for (String source : field.getSources()) {
					note(SchemaTrees.resolve(sourceContext, source), source, sources, unresolved);
				}
				ends.add(new End(rule, path, depth, colour, sources, unresolved, target, sourceContext,
						targetContext));
			}
		}
	}

	private static void note(SchemaNode node, String path, List<SchemaNode> sources, List<String> unresolved) {
		if (node == null) {
			unresolved.add(path);
		} else {
			sources.add(node);
		}
	}
}
