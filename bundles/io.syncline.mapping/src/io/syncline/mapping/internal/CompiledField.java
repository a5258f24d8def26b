package io.syncline.mapping.internal;

import java.util.List;

import org.apache.commons.jexl3.JexlException;

import io.syncline.formats.Problem;
import io.syncline.mapping.SourceView;

/** Source paths → (expression) → one target path; problems name the rule and where the value came from. */
public record CompiledField(String label, TargetPath target, SourcePath[] sources, Evaluable expression,
		Evaluable condition, String defaultValue, boolean required) implements CompiledRule {

	@Override
	public void apply(SourceView source, TargetBuilder builder, RuleContext context, List<Problem> problems) {
		Object single = null;
		Object[] values = null;
		if (sources.length == 1) {
			// the common rule: one source, bound without an array
			single = source.value(sources[0]);
			context.bindOne(source, single);
		} else {
			values = new Object[sources.length];
			for (int i = 0; i < sources.length; i++) {
				values[i] = source.value(sources[i]);
			}
			context.bind(source, values);
		}
		String at = sources.length > 0 ? sources[0].text() : ".";
		try {
			if (condition != null && !Truth.of(condition.evaluate(context))) {
				return;
			}
			Object result = expression != null ? expression.evaluate(context)
					: values == null ? single : firstPresent(values);
			if (Truth.isBlank(result)) {
				result = defaultValue;
			}
			if (result == null) {
				if (required) {
					problems.add(Problem.error("MAP_REQUIRED", source.locationOf(at),
							label + ": no value at " + at));
				}
				return;
			}
			builder.set(target, result);
			if (context.tracing()) {
				trace(source, builder, context, values == null ? new Object[] { single } : values, at, result);
			}
		} catch (JexlException e) {
			// A function refusing a value is a data problem; anything else is the expression's.
			String code = Expressions.isValueProblem(e) ? "MAP_VALUE" : "MAP_EXPRESSION";
			problems.add(Problem.error(code, source.locationOf(at), label + ": " + Expressions.describe(e)));
		} catch (IllegalArgumentException | ArithmeticException e) {
			problems.add(Problem.error("MAP_VALUE", source.locationOf(at), label + ": " + e.getMessage()));
		}
	}

	private void trace(SourceView source, TargetBuilder builder, RuleContext context, Object[] read, String at,
			Object result) {
		List<String> paths = new java.util.ArrayList<>();
		for (SourcePath path : sources) {
			paths.add(path.text());
		}
		List<Object> found = sources.length == 0 ? List.of() : java.util.Arrays.asList(read.clone());
		context.trace(new io.syncline.mapping.FieldTrace(builder.result(), target.text(), label, paths, found,
				source.locationOf(at), result));
	}

	private static Object firstPresent(Object[] values) {
		for (Object value : values) {
			if (!Truth.isBlank(value)) {
				return value;
			}
		}
		return null;
	}
}
