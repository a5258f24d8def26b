package io.syncline.runtime.api;

/** The caller is not known: no credentials, or an expired or revoked token. HTTP 401. */
public class NotAuthenticatedException extends RuntimeFailure {

	private static final long serialVersionUID = 1L;

	public NotAuthenticatedException(String message) {
		super(message);
	}

	public NotAuthenticatedException(String message, Throwable cause) {
		super(message, cause);
	}
}
