package io.syncline.transport.as2;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;

/**
 * AS2 from the network, given any bytes: an AS2 message's MIME (headers, multiparts, compressed data) taken by a
 * station that requires neither signature nor encryption (so the fuzzer reaches the MIME it sends), and a receipt
 * read as a sender reads it. Refusals are what bad input should get; anything else thrown is a finding. In this
 * package so the MIME and receipt readers are reached directly.
 */
class As2BytesFuzzTest {

	private static final Endpoint STATION = new Endpoint("fuzz", "as2-in", "partner", Endpoint.Direction.IN,
			EndpointKind.AS2, Map.of("as2From", "PARTNER", "as2To", "US", "requireSigned", "false",
					"requireEncrypted", "false"),
			Map.of(), Duration.ZERO, List.of(), true);

	private static final As2Receiving.Journal NOWHERE = new As2Receiving.Journal() {
		@Override
		public Optional<As2Receiving.Receipt> receiptOf(String messageId) {
			return Optional.empty();
		}

		@Override
		public boolean taken(String messageId) {
			return false;
		}

		@Override
		public boolean journal(String messageId, String name, byte[] document) {
			return true;
		}

		@Override
		public void keepReceipt(String messageId, As2Receiving.Receipt receipt) {
		}
	};

	@FuzzTest(maxDuration = "10m")
	void message(FuzzedDataProvider data) {
		String contentType = data.consumeString(200);
		String encoding = data.consumeBoolean() ? "base64" : null;
		byte[] body = data.consumeRemainingAsBytes();
		Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("Message-ID", "<fuzz@partner>");
		headers.put("AS2-From", "PARTNER");
		headers.put("AS2-To", "US");
		headers.put("Content-Type", contentType);
		headers.put("Disposition-Notification-To", "partner");
		if (encoding != null) {
			headers.put("Content-Transfer-Encoding", encoding);
		}
		As2Receiving.receive(STATION, headers::get, body, NOWHERE);
	}

	@FuzzTest(maxDuration = "10m")
	void receipt(FuzzedDataProvider data) {
		String contentType = data.consumeString(200);
		byte[] body = data.consumeRemainingAsBytes();
		try {
			Mdn.read(MimePart.of(Map.of("Content-Type", contentType), body), new As2Keys(null, null, null), false);
		} catch (As2Exception | IllegalArgumentException refused) {
			// refused in words
		}
	}

	@FuzzTest(maxDuration = "10m")
	void webhookSignature(FuzzedDataProvider data) {
		String scheme = data.consumeBoolean() ? "shopify" : "standard";
		Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("X-Shopify-Hmac-Sha256", data.consumeString(100));
		headers.put("X-Shopify-Webhook-Id", data.consumeString(50));
		headers.put("webhook-id", data.consumeString(50));
		headers.put("webhook-timestamp", data.consumeString(20));
		headers.put("webhook-signature", data.consumeString(300));
		String secret = data.consumeString(60);
		byte[] body = data.consumeRemainingAsBytes();
		try {
			io.syncline.transport.webhook.WebhookSignatures.verify(
					io.syncline.transport.webhook.WebhookSignatures.Scheme.of(scheme), secret, headers::get, body,
					java.time.Instant.now());
		} catch (io.syncline.transport.webhook.WebhookSignatures.Refused refused) {
			// refused in words
		}
	}
}
