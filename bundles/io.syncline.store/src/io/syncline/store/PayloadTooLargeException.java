package io.syncline.store;

/** A payload asked for whole that is too large to hold in memory; it can be read as a stream. */
public final class PayloadTooLargeException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public PayloadTooLargeException(long messageId, long size) {
		super("message " + messageId + ": its payload is " + (size >> 20) + " MB, too large to hold in memory; "
				+ "read it as a stream");
	}

}
