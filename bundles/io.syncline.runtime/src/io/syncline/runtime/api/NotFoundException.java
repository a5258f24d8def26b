package io.syncline.runtime.api;

/**
 * The object asked for does not exist in the caller's tenant (or is another tenant's: the two are not told apart,
 * so ids of other tenants leak nothing). HTTP 404.
 */
public class NotFoundException extends RuntimeFailure {

	private static final long serialVersionUID = 1L;

	public NotFoundException(String message) {
		super(message);
	}

	public NotFoundException(String message, Throwable cause) {
		super(message, cause);
	}
}
