package io.syncline.runtime.api;

/**
 * Content given to the runtime cannot be used as it is (a mapping that does not compile); the message says where.
 * HTTP 422.
 */
public class InvalidContentException extends RuntimeFailure {

	private static final long serialVersionUID = 1L;

	public InvalidContentException(String message, Throwable cause) {
		super(message, cause);
	}
}
