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
}
