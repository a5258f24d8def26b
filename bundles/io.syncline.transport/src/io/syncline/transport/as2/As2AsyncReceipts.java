package io.syncline.transport.as2;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.syncline.transport.Endpoint;
import io.syncline.transport.TransportException;

/**
 * An asynchronous receipt as an endpoint out gets it: posted by the partner to the URL the message named, its
 * signature verified with the partner's certificate, read into what it says of which message.
 */
public final class As2AsyncReceipts {

	/** What a receipt says: the message it answers, whether it was processed, the MIC, and the disposition in words. */
	public record Said(String originalMessageId, boolean positive, String mic, String disposition) {
	}

	private As2AsyncReceipts() {
	}

	public static Said read(Endpoint out, UnaryOperator<String> header, byte[] body) {
		String type = Optional.ofNullable(header.apply("Content-Type")).orElse("text/plain");
		try {
			Mdn mdn = Mdn.read(MimePart.of(Map.of("Content-Type", type), body), As2Keys.of(out),
					Boolean.parseBoolean(out.setting("signedReceipt", "true")));
			return new Said(mdn.originalMessageId(), mdn.positive(), mdn.receivedMic(), mdn.disposition()
					+ (mdn.text().isEmpty() ? "" : " (" + mdn.text() + ")"));
		} catch (As2Exception | IllegalArgumentException e) {
			throw new TransportException("endpoint " + out.id() + ": a receipt that does not hold: " + e.getMessage());
		}
	}
}
