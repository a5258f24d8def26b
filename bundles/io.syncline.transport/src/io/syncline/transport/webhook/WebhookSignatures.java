package io.syncline.transport.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook's signature over its raw body, in constant time, in one of the two forms partners send:
 * <ul>
 * <li>{@code shopify}: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the body; the delivery is
 * {@code X-Shopify-Webhook-Id};</li>
 * <li>{@code standard} (Standard Webhooks): {@code webhook-signature} holds one or more {@code v1,<base64>}
 * HMAC-SHA256 signatures of {@code id.timestamp.body} under the secret ({@code whsec_} and base64), and a timestamp
 * more than five minutes from now is refused, so a captured delivery cannot be replayed later.</li>
 * </ul>
 * A refusal says why in words safe to log and to answer: never the secret, never the expected signature.
 */
public final class WebhookSignatures {

	/** How far a Standard Webhooks timestamp may be from now, either way. */
	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	public enum Scheme {
		SHOPIFY, STANDARD;

		public static Scheme of(String word) {
			try {
				return valueOf(String.valueOf(word).strip().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("no webhook signature scheme '" + word + "'; shopify or standard");
			}
		}
	}

	/** A delivery whose signature held: its id, which claims it (a redelivery of the same id is not taken again). */
	public record Verified(String deliveryId) {
	}

	/** A delivery refused, and why. */
	public static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;

		public Refused(String reason) {
			super(reason);
		}
	}

	private WebhookSignatures() {
	}

	/**
	 * Verifies a delivery. {@code header} looks a header up by name, case-insensitively (null when absent).
	 */
	public static Verified verify(Scheme scheme, String secret, UnaryOperator<String> header, byte[] body, Instant now)
			throws Refused {
		if (secret == null || secret.isEmpty()) {
			throw new Refused("the endpoint has no signing secret; every delivery is refused until it has one");
		}
		return scheme == Scheme.SHOPIFY ? shopify(secret, header, body) : standard(secret, header, body, now);
	}

	private static Verified shopify(String secret, UnaryOperator<String> header, byte[] body) throws Refused {
		String signature = header.apply("X-Shopify-Hmac-Sha256");
		if (signature == null || signature.isBlank()) {
			throw new Refused("no X-Shopify-Hmac-Sha256 header");
		}
		byte[] given = base64(signature.strip(), "X-Shopify-Hmac-Sha256");
		if (!MessageDigest.isEqual(hmac(secret.getBytes(StandardCharsets.UTF_8), body), given)) {
			throw new Refused("the X-Shopify-Hmac-Sha256 signature does not match the body");
		}
		String id = header.apply("X-Shopify-Webhook-Id");
		return new Verified(id != null && !id.isBlank() ? id.strip() : "sha256:" + sha256(body));
	}

	private static Verified standard(String secret, UnaryOperator<String> header, byte[] body, Instant now)
			throws Refused {
		String id = header.apply("webhook-id");
		String timestamp = header.apply("webhook-timestamp");
		String signatures = header.apply("webhook-signature");
		if (id == null || id.isBlank() || timestamp == null || signatures == null) {
			throw new Refused("a Standard Webhooks delivery needs webhook-id, webhook-timestamp and webhook-signature");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		} catch (NumberFormatException e) {
			throw new Refused("webhook-timestamp is not a number of seconds");
		}
		if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
			throw new Refused("webhook-timestamp is more than " + TOLERANCE.toMinutes() + " minutes from now");
		}
		byte[] key = secret.startsWith("whsec_") ? base64(secret.substring(6), "the signing secret")
				: secret.getBytes(StandardCharsets.UTF_8);
		byte[] prefix = (id.strip() + "." + seconds + ".").getBytes(StandardCharsets.UTF_8);
		byte[] signed = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, signed, 0, prefix.length);
		System.arraycopy(body, 0, signed, prefix.length, body.length);
		byte[] expected = hmac(key, signed);
		boolean matched = false;
		for (String candidate : signatures.strip().split("\\s+")) {
			if (candidate.startsWith("v1,")) {
				byte[] given;
				try {
					given = Base64.getDecoder().decode(candidate.substring(3));
				} catch (IllegalArgumentException e) {
					continue;
				}
				matched |= MessageDigest.isEqual(expected, given); // every candidate is compared, matched or not
			}
		}
		if (!matched) {
			throw new Refused("no webhook-signature matches the body");
		}
		return new Verified(id.strip());
	}

	/** The base64 HMAC-SHA256 a sender puts in its header: what tests and the bench sign with. */
	public static String sign(byte[] key, byte[] content) {
		return Base64.getEncoder().encodeToString(hmac(key, content));
	}

	private static byte[] hmac(byte[] key, byte[] content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
			return mac.doFinal(content);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
		}
	}

	private static byte[] base64(String text, String what) throws Refused {
		try {
			return Base64.getDecoder().decode(text);
		} catch (IllegalArgumentException e) {
			throw new Refused(what + " is not base64");
		}
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
