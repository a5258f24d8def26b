package io.syncline.transport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.syncline.transport.webhook.WebhookSignatures;
import io.syncline.transport.webhook.WebhookSignatures.Scheme;

class WebhookSignaturesTest {

	private static UnaryOperator<String> headers(Map<String, String> values) {
		Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		caseless.putAll(values);
		return caseless::get;
	}

	/** The example the Standard Webhooks specification gives, signature and all. */
	@Test
	void theStandardWebhooksSpecificationsOwnExampleVerifies() throws Exception {
		byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
		Map<String, String> sent = Map.of("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp",
				"1614265330", "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
		Instant then = Instant.ofEpochSecond(1614265330 + 60);
		assertEquals("msg_p5jXN8AQM9LWM0D4loKWxJek", WebhookSignatures.verify(Scheme.STANDARD,
				"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers(sent), body, then).deliveryId());
		WebhookSignatures.Refused late = assertThrows(WebhookSignatures.Refused.class, () -> WebhookSignatures.verify(
				Scheme.STANDARD, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers(sent), body,
				Instant.ofEpochSecond(1614265330 + 301)));
		assertTrue(late.getMessage().contains("5 minutes"), late.getMessage());
		byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
		assertThrows(WebhookSignatures.Refused.class, () -> WebhookSignatures.verify(Scheme.STANDARD,
				"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers(sent), changed, then));
	}

	@Test
	void shopifysHeaderIsTheBase64HmacOfTheBodyAndNamesTheDelivery() throws Exception {
		byte[] body = "{\"id\": 820982911946154508}".getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSignatures.sign("hush".getBytes(StandardCharsets.UTF_8), body);
		assertEquals("b-42", WebhookSignatures.verify(Scheme.SHOPIFY, "hush", headers(Map.of("x-shopify-hmac-sha256",
				signature, "X-Shopify-Webhook-Id", "b-42")), body, Instant.now()).deliveryId());
		String byBody = WebhookSignatures.verify(Scheme.SHOPIFY, "hush", headers(Map.of("X-Shopify-Hmac-Sha256",
				signature)), body, Instant.now()).deliveryId();
		assertTrue(byBody.startsWith("sha256:"), "without an id, the same body is the same delivery: " + byBody);
		assertThrows(WebhookSignatures.Refused.class, () -> WebhookSignatures.verify(Scheme.SHOPIFY, "other",
				headers(Map.of("X-Shopify-Hmac-Sha256", signature)), body, Instant.now()));
		assertThrows(WebhookSignatures.Refused.class, () -> WebhookSignatures.verify(Scheme.SHOPIFY, "hush",
				headers(Map.of("X-Shopify-Hmac-Sha256", "%%%not base64")), body, Instant.now()));
		assertThrows(WebhookSignatures.Refused.class, () -> WebhookSignatures.verify(Scheme.SHOPIFY, "",
				headers(Map.of("X-Shopify-Hmac-Sha256", signature)), body, Instant.now()));
	}
}
