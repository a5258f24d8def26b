package io.syncline.transport;

/**
 * A transport failed, in words a partner manager can act on: which endpoint, what it tried, what the other side
 * said. Never a secret in the message.
 */
public class TransportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TransportException(String message) {
		this(message, (java.time.Duration) null);
	}

	public TransportException(String message, Throwable cause) {
		super(message, cause);
		this.retryAfter = null;
	}

	private final transient java.time.Duration retryAfter;

	/** A failure whose partner asked to be left alone this long (an HTTP 429 or 503 with Retry-After). */
	public TransportException(String message, java.time.Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	private boolean refused;

	/**
	 * The partner refused this document (a negative receipt, an HTTP 4xx): trying it again unchanged will not help,
	 * so it is set aside as DELIVERY_FAILED for a person, and the documents after it go on.
	 */
	public static TransportException refused(String message) {
		TransportException refusal = new TransportException(message);
		refusal.refused = true;
		return refusal;
	}

	public boolean isRefused() {
		return refused;
	}

	/** How long the partner asked to be left alone, or null when it did not say. */
	public java.time.Duration retryAfter() {
		return retryAfter;
	}
}
