package io.syncline.runtime.api;

/** The request body is larger than the runtime accepts. HTTP 413. */
public class PayloadTooLargeException extends RuntimeFailure {

	private static final long serialVersionUID = 1L;

	public PayloadTooLargeException(String message) {
		super(message);
	}

	public PayloadTooLargeException(String message, Throwable cause) {
		super(message, cause);
	}
}
