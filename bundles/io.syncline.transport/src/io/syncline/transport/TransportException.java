package io.syncline.transport;

/**
 * A transport failed, in words a partner manager can act on: which endpoint, what it tried, what the other side
 * said. Never a secret in the message.
 */
public class TransportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TransportException(String message) {
		super(message);
	}

	public TransportException(String message, Throwable cause) {
		super(message, cause);
	}
}
