package io.syncline.runtime.api;

/** The runtime cannot be reached, or is stopping: the call may be tried again later. HTTP 503. */
public class RuntimeUnavailableException extends RuntimeFailure {

	private static final long serialVersionUID = 1L;

	public RuntimeUnavailableException(String message) {
		super(message);
	}

	public RuntimeUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
