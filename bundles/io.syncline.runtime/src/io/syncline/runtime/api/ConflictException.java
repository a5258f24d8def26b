package io.syncline.runtime.api;

/**
 * The call conflicts with the state of the object (shipping what is not allocated, deciding a closed exception).
 * HTTP 409.
 */
public class ConflictException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public ConflictException(String message) {
		super(message);
	}

	public ConflictException(String message, Throwable cause) {
		super(message, cause);
	}
}
