package io.syncline.runtime.api;

/** The principal's role does not allow the call. HTTP 403. */
public class AccessDeniedException extends RuntimeFailure {

	private static final long serialVersionUID = 1L;

	public AccessDeniedException(String message) {
		super(message);
	}

	public AccessDeniedException(String message, Throwable cause) {
		super(message, cause);
	}
}
