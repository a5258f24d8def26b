package io.syncline.mapping.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;

import io.syncline.mapping.functions.MappingFunctions;

/**
 * Apache Commons JEXL, sandboxed: expressions only (no scripts, loops, assignments, lambdas or {@code new}), the
 * restricted permissions (no reflection, class loading, files, processes), and the {@code fn:} functions of the
 * mapping. Expressions are compiled once per mapping version.
 */
public final class Expressions {

	private static final Pattern POSITION = Pattern.compile("@(\\d+):(\\d+) (.*)$");

	private final JexlEngine engine;
	private final DirectExpressions direct;

	public Expressions(MappingFunctions functions) {
		JexlFeatures features = new JexlFeatures().script(false).loops(false).sideEffect(false).sideEffectGlobal(false)
				.newInstance(false).lambda(false).pragma(false).annotation(false).importPragma(false).localVar(false)
				.register(false);
		// RESTRICTED admits only JEXL-safe JDK packages; the function library and the record view are added by name.
		JexlPermissions permissions = JexlPermissions.RESTRICTED.compose("io.syncline.mapping.functions.*",
				"io.syncline.mapping.internal.*");
		engine = new JexlBuilder().permissions(permissions).features(features)
				.namespaces(Map.of("fn", functions)).strict(true).silent(false).safe(false).cache(1024).create();
		direct = new DirectExpressions(functions);
	}

	/**
	 * Compiles, or throws IllegalArgumentException with the parser's message. JEXL always parses the text, so its
	 * syntax rules apply to every expression; the common shapes then run as direct calls.
	 */
	public Evaluable compile(String text) {
		JexlExpression expression;
		try {
			expression = engine.createExpression(text);
		} catch (JexlException e) {
			throw new IllegalArgumentException("expression '" + text + "' does not parse: " + describe(e));
		}
		Evaluable fast = direct.compile(text);
		return fast != null ? fast : expression::evaluate;
	}

	public static boolean isValueProblem(JexlException e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause instanceof IllegalArgumentException || cause instanceof ArithmeticException;
	}

	/** The message a person needs from an evaluation failure: the function's own message if it gave one. */
	public static String describe(JexlException e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause instanceof IllegalArgumentException || cause instanceof ArithmeticException) {
			return cause.getMessage();
		}
		String message = e.getMessage();
		if (message == null) {
			return e.getClass().getSimpleName();
		}
		// JEXL prefixes "class.method:line@row:column"; people need the column and the reason.
		Matcher position = POSITION.matcher(message);
		return position.find() ? "at column " + position.group(2) + ": " + position.group(3) : message;
	}
}
