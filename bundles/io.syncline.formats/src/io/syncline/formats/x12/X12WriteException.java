package io.syncline.formats.x12;

/** A document could not be written as valid X12; the message names each bad segment and element. */
public class X12WriteException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public X12WriteException(String message) {
		super(message);
	}
}
