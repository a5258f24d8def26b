package io.syncline.mapping.functions;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code fn:} functions an expression can call, read from {@link MappingFunctions} itself so the list never
 * drifts from what runs: each with its signature as an analyst reads it ({@code fn:padLeft(value, width, pad) →
 * text}). What the editor offers on Ctrl+Space and checks calls against.
 */
public final class FunctionCatalog {

	/** One function: its name and its signature in words. */
	public record Function(String name, String signature) {
	}

	private static final Pattern CALL = Pattern.compile("fn:([A-Za-z_][A-Za-z0-9_]*)");

	private static final List<Function> FUNCTIONS = read();

	private FunctionCatalog() {
	}

	public static List<Function> all() {
		return FUNCTIONS;
	}

	public static boolean exists(String name) {
		return FUNCTIONS.stream().anyMatch(function -> function.name().equals(name));
	}

	/** The functions an expression calls that do not exist, in order of appearance, each once. */
	public static Set<String> unknownCalls(String expression) {
		Set<String> unknown = new TreeSet<>();
		if (expression == null) {
			return unknown;
		}
		Matcher call = CALL.matcher(expression);
		while (call.find()) {
			if (!exists(call.group(1))) {
				unknown.add(call.group(1));
			}
		}
		return unknown;
	}

	private static List<Function> read() {
		List<Function> functions = new ArrayList<>();
		for (Method method : MappingFunctions.class.getDeclaredMethods()) {
			if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
				continue;
			}
			List<String> parameters = new ArrayList<>();
			for (Parameter parameter : method.getParameters()) {
				parameters.add(parameter.isVarArgs() ? parameter.getName() + "…" : parameter.getName());
			}
			String signature = "fn:" + method.getName() + "(" + String.join(", ", parameters) + ") → "
					+ words(method.getReturnType());
			functions.add(new Function(method.getName(), signature));
		}
		functions.sort(Comparator.comparing(Function::name).thenComparing(Function::signature));
		return List.copyOf(functions);
	}

	private static String words(Class<?> type) {
		if (type == String.class) {
			return "text";
		}
		if (type == java.math.BigDecimal.class) {
			return "decimal";
		}
		if (type == int.class) {
			return "integer";
		}
		if (type == boolean.class) {
			return "true or false";
		}
		if (type == java.time.LocalDate.class) {
			return "date";
		}
		if (type == java.time.LocalDateTime.class || type == java.time.Instant.class) {
			return "date-time";
		}
		return "value";
	}
}
