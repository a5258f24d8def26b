package io.syncline.transport.webhook;

import java.util.List;

import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;

/**
 * Webhooks in: the partner posts to {@code /hooks/{tenant}/{endpoint}} on the runtime's own server, so there is
 * nothing to poll or connect to; this says what such an endpoint takes and checks that it can verify a delivery.
 */
public final class WebhookTransport implements Transport {

	/** Bodies larger than this are refused with 413 unless the endpoint says otherwise. */
	public static final int DEFAULT_MAX_BYTES = 5 << 20;
	/** Deliveries per second an endpoint takes unless it says otherwise; more are answered 429. */
	public static final int DEFAULT_RATE_PER_SECOND = 100;

	@Override
	public EndpointKind kind() {
		return EndpointKind.WEBHOOK;
	}

	@Override
	public List<Field> fields(Endpoint.Direction direction) {
		return List.of(new Field("signature", true, false, "shopify or standard (Standard Webhooks)"),
				new Field("name", false, false, "the name a delivery is journaled under, {id} for its delivery id; "
						+ "{endpoint}-{id}.json unless told"),
				new Field("maxBytes", false, false, "the largest body taken, " + DEFAULT_MAX_BYTES + " unless told"),
				new Field("ratePerSecond", false, false, "deliveries taken per second, " + DEFAULT_RATE_PER_SECOND
						+ " unless told"),
				new Field("signingSecret", true, true, "the secret the partner signs with"));
	}

	@Override
	public Check check(Endpoint endpoint) {
		try {
			WebhookSignatures.Scheme scheme = WebhookSignatures.Scheme.of(endpoint.setting("signature"));
			if (endpoint.secret("signingSecret").isEmpty()) {
				return new Check(false, "endpoint " + endpoint.id() + " has no signingSecret: every delivery would be "
						+ "refused", List.of());
			}
			return new Check(true, "the partner posts to /hooks/" + endpoint.tenantId() + "/" + endpoint.id()
					+ ", signed the " + scheme.name().toLowerCase(java.util.Locale.ROOT) + " way", List.of());
		} catch (IllegalArgumentException e) {
			return new Check(false, "endpoint " + endpoint.id() + ": " + e.getMessage(), List.of());
		}
	}

	/** The name a delivery is journaled under: the endpoint's template with the delivery id made safe for a name. */
	public static String sourceName(Endpoint endpoint, String deliveryId) {
		String safe = deliveryId.replaceAll("[^A-Za-z0-9._-]", "_");
		if (safe.length() > 80) {
			safe = safe.substring(0, 80);
		}
		return endpoint.setting("name", "{endpoint}-{id}.json").replace("{endpoint}", endpoint.id()).replace("{id}",
				safe);
	}
}
