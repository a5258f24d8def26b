package io.syncline.store;

/**
 * No such object in the tenant asked: a message, an exception, a tenant, a token. The runtime tells a caller so
 * without saying whether another tenant has one.
 */
public class NotFoundException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public NotFoundException(String message) {
		super(message);
	}
}
