package io.syncline.runtime.api;

/**
 * A runtime call failed for a reason a person can act on (no such exception, database unreachable); the message
 * says what and where, never a stack trace.
 */
public class RuntimeFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public RuntimeFailure(String message) {
		super(message);
	}

	public RuntimeFailure(String message, Throwable cause) {
		super(message, cause);
	}

	/** The message of an error and of its causes, without repeats: one line a person can read. */
	public static String reasonOf(Throwable error) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = error; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
			if (text.indexOf(message) < 0) {
				text.append(text.length() == 0 ? "" : ": ").append(message);
			}
		}
		return text.toString();
	}
}
