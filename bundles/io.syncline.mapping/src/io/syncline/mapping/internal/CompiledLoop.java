package io.syncline.mapping.internal;

import java.util.List;

import org.apache.commons.jexl3.JexlException;

import io.syncline.formats.Problem;
import io.syncline.mapping.SourceView;

/** For each occurrence of a repeating source path, one new target element filled by the nested rules. */
public record CompiledLoop(String label, TargetPath target, String source, Evaluable condition,
		List<CompiledRule> rules) implements CompiledRule {

	@Override
	public void apply(SourceView view, TargetBuilder builder, RuleContext context, List<Problem> problems) {
		int index = 0;
		for (SourceView element : view.each(source)) {
			index++;
			if (condition != null) {
				context.bind(element, new Object[0]);
				try {
					if (!Truth.of(condition.evaluate(context))) {
						continue;
					}
				} catch (JexlException e) {
					problems.add(Problem.error("MAP_EXPRESSION", element.location(), label + ": " + Expressions.describe(e)));
					continue;
				}
			}
			TargetBuilder child = builder.add(target);
			context.enterLoop(index);
			try {
				for (CompiledRule rule : rules) {
					rule.apply(element, child, context, problems);
				}
			} finally {
				context.leaveLoop();
			}
		}
	}
}
