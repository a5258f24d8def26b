package io.syncline.transport.as2;

/**
 * An AS2 message that cannot be taken, with the disposition modifier its negative receipt states
 * ({@code decryption-failed}, {@code integrity-check-failed}, {@code authentication-failed}, …) and a reason in words.
 */
public final class As2Exception extends Exception {

	private static final long serialVersionUID = 1L;
	private final String disposition;

	public As2Exception(String message, String disposition) {
		super(message);
		this.disposition = disposition;
	}

	/** The modifier of {@code processed/error: …} in the negative receipt. */
	public String disposition() {
		return disposition;
	}
}
