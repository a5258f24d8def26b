package io.syncline.mapping.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.syncline.mapping.functions.MappingFunctions;

/**
 * The common shapes of mapping expressions compiled to direct Java calls, so the per-record path skips the JEXL
 * interpreter: {@code fn:f(value, 'x', 2)}, {@code record.get('P') == 'x'} (or {@code !=}, or {@code != null}) and
 * {@code C ? E : null} of those. Anything else returns null and JEXL evaluates it, with the same meaning.
 */
final class DirectExpressions {

	private static final Pattern CALL = Pattern.compile("fn:(\\w+)\\((.*)\\)");
	private static final Pattern COMPARISON = Pattern.compile("record\\.get\\('([^']*)'\\)\\s*(==|!=)\\s*('([^']*)'|null)");
	private static final Pattern TERNARY = Pattern.compile("(.+?)\\s*\\?\\s*(.+?)\\s*:\\s*null");
	private static final Pattern SOURCE = Pattern.compile("v(\\d+)");
	private static final Pattern RECORD_GET = Pattern.compile("record\\.get\\('([^']*)'\\)");

	private final MappingFunctions functions;

	DirectExpressions(MappingFunctions functions) {
		this.functions = functions;
	}

	Evaluable compile(String text) {
		String expression = text.strip();
		Matcher ternary = TERNARY.matcher(expression);
		if (ternary.matches()) {
			Evaluable condition = compileSimple(ternary.group(1));
			Evaluable then = compileSimple(ternary.group(2));
			return condition == null || then == null ? null
					: context -> Truth.of(condition.evaluate(context)) ? then.evaluate(context) : null;
		}
		return compileSimple(expression);
	}

	private Evaluable compileSimple(String expression) {
		Matcher comparison = COMPARISON.matcher(expression);
		if (comparison.matches()) {
			SourcePath path = SourcePath.of(comparison.group(1));
			boolean equal = comparison.group(2).equals("==");
			String literal = comparison.group(4);
			return context -> {
				Object value = context.recordValue(path);
				boolean same = literal == null ? value == null : value != null && literal.equals(value.toString());
				return same == equal;
			};
		}
		Matcher call = CALL.matcher(expression);
		return call.matches() ? compileCall(call.group(1), call.group(2)) : null;
	}

	private Evaluable compileCall(String name, String argumentText) {
		List<String> arguments = split(argumentText);
		if (arguments == null) {
			return null;
		}
		Method method = uniqueMethod(name, arguments.size());
		if (method == null) {
			return null;
		}
		Class<?>[] parameters = method.getParameterTypes();
		List<Argument> compiled = new ArrayList<>();
		for (int i = 0; i < arguments.size(); i++) {
			Argument argument = argument(arguments.get(i), parameters[i]);
			if (argument == null) {
				return null;
			}
			compiled.add(argument);
		}
		return FunctionCalls.of(functions, method, compiled.toArray(Argument[]::new));
	}

	@FunctionalInterface
	interface Argument {
		Object value(RuleContext context);
	}

	/** A literal argument, such as a lookup table's name or a date pattern. */
	record Constant(Object value) implements Argument {
		@Override
		public Object value(RuleContext context) {
			return value;
		}
	}

	/** {@code value}, the rule's first source value. */
	static final Argument FIRST_VALUE = RuleContext::firstValue;

	/** An argument the parameter can take as JEXL would pass it; null when unsure (then JEXL evaluates). */
	private static Argument argument(String text, Class<?> parameter) {
		boolean takesObject = parameter == Object.class || parameter == String.class;
		if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2 && takesObject) {
			String literal = text.substring(1, text.length() - 1);
			return new Constant(literal);
		}
		if (text.matches("-?\\d+") && (parameter == int.class || parameter == Object.class)) {
			Integer number = Integer.valueOf(text);
			return new Constant(number);
		}
		if (parameter == String.class) {
			// source values of canonical objects may be numbers; JEXL would refuse those for a String parameter
			return null;
		}
		if (parameter != Object.class) {
			return null;
		}
		if (text.equals("value")) {
			return FIRST_VALUE;
		}
		Matcher source = SOURCE.matcher(text);
		if (source.matches()) {
			int position = RuleContext.sourcePosition(text);
			return context -> context.sourceValue(position);
		}
		Matcher recordGet = RECORD_GET.matcher(text);
		if (recordGet.matches()) {
			SourcePath path = SourcePath.of(recordGet.group(1));
			return context -> context.recordValue(path);
		}
		return null;
	}

	private static Method uniqueMethod(String name, int arity) {
		Method found = null;
		for (Method method : MappingFunctions.class.getMethods()) {
			if (method.getName().equals(name) && Modifier.isPublic(method.getModifiers())) {
				if (method.isVarArgs() || method.getParameterCount() != arity || found != null) {
					return null; // overloads and varargs: leave the choice to JEXL
				}
				found = method;
			}
		}
		return found;
	}

	/** Top-level comma-separated arguments; null if quotes or parentheses make it more than a flat list. */
	private static List<String> split(String text) {
		List<String> arguments = new ArrayList<>();
		if (text.isBlank()) {
			return arguments;
		}
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		int depth = 0;
		for (char c : text.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			} else if (!quoted && c == '(') {
				depth++;
			} else if (!quoted && c == ')') {
				depth--;
			}
			if (c == ',' && !quoted && depth == 0) {
				arguments.add(current.toString().strip());
				current.setLength(0);
			} else {
				current.append(c);
			}
		}
		if (quoted || depth != 0) {
			return null;
		}
		arguments.add(current.toString().strip());
		return arguments;
	}
}
