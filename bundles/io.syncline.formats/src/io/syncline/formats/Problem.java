package io.syncline.formats;

/** A located finding about a source: what is wrong, where, and whether reading could go on. */
public record Problem(Severity severity, String code, SourceLocation location, String message) {

	public enum Severity {
		WARNING, ERROR, FATAL
	}

	public static Problem error(String code, SourceLocation location, String message) {
		return new Problem(Severity.ERROR, code, location, message);
	}

	public static Problem warning(String code, SourceLocation location, String message) {
		return new Problem(Severity.WARNING, code, location, message);
	}

	public static Problem fatal(String code, SourceLocation location, String message) {
		return new Problem(Severity.FATAL, code, location, message);
	}

	public boolean isError() {
		return severity != Severity.WARNING;
	}

	/** One line for people: {@code file line 7, field 'unit_cost': message [CODE]}. */
	public String describe() {
		return location.describe() + ": " + message + " [" + code + "]";
	}

	@Override
	public String toString() {
		return severity + " " + describe();
	}
}
