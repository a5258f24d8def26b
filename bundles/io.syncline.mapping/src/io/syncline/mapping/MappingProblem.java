package io.syncline.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a mapping, located at its rule: {@code rulePath} is the rule's position, 1-based and dotted
 * through loops ({@code 6.3} is the third rule of the sixth), empty for the mapping as a whole (its target type or
 * filter). The message starts with the rule's label ({@code rule 6.3 (quantity/value): …}), the form the runtime
 * returns when it refuses to publish, so a refusal from a remote runtime locates the same way.
 */
public record MappingProblem(Severity severity, String rulePath, String message) {

	/** An error stops a mapping from being published; a warning is worth a look. */
	public enum Severity {
		ERROR, WARNING
	}

	private static final Pattern LABEL = Pattern.compile("^\\s*rule ([0-9]+(?:\\.[0-9]+)*) \\(");

	public static MappingProblem error(String rulePath, String message) {
		return new MappingProblem(Severity.ERROR, rulePath, message);
	}

	public static MappingProblem warning(String rulePath, String message) {
		return new MappingProblem(Severity.WARNING, rulePath, message);
	}

	/** A problem as a line of a compile error reads ({@code rule 3 (cost/amount): …}), located by its label. */
	public static MappingProblem parse(String line) {
		Matcher label = LABEL.matcher(line);
		return error(label.find() ? label.group(1) : "", line.trim());
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	@Override
	public String toString() {
		return severity + " " + message;
	}
}
