package io.syncline.runtime.server.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.local.EndpointPushes;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.webhook.WebhookSignatures;
import io.syncline.transport.webhook.WebhookTransport;

/**
 * {@code POST /hooks/{tenant}/{endpoint}}: a partner's webhook. It carries no bearer token, so it has limits of its
 * own: the endpoint's body size (413), its rate (429, from a Resilience4j rate limiter per endpoint), and a limit of
 * refused deliveries per client address (429), so a forger is slowed without slowing the partner. The signature is
 * checked over the raw body in constant time (401, audited); the body is journaled with the delivery's claim
 * before the answer, so 200 means it is kept; a delivery id seen before is answered 200 and not taken again. It is
 * processed after the answer, in the partner's lane. An unknown tenant, an unknown endpoint and an endpoint of
 * another kind all get the same 404.
 */
public final class WebhookHandler extends PushHandler {

	private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
	static final Pattern PATH = Pattern.compile("/hooks/([a-z0-9][a-z0-9-]{0,63})/([a-z0-9][a-z0-9-]{0,63})");

	private final long serverMaxBody;
	private final Map<String, RateLimiter> rates = new ConcurrentHashMap<>();

	public WebhookHandler(LocalRuntime root, long serverMaxBody, java.util.List<String> trustedProxies) {
		super(root, trustedProxies, "syncline-webhook");
		this.serverMaxBody = serverMaxBody;
	}

	/** Whether a path is a webhook's, for the server's routing. */
	public static boolean handles(String path) {
		return path.startsWith("/hooks/");
	}

	@Override
	java.util.regex.Pattern path() {
		return PATH;
	}

	@Override
	String what() {
		return "a webhook";
	}

	@Override
	void serve(Exchange x, String tenant, String endpointId, String from) throws Exception {
		Request request = x.request();
		Response response = x.response();
		EndpointPushes tenantPushes = pushes(tenant);
		Endpoint endpoint = tenantPushes.endpoint(endpointId, EndpointKind.WEBHOOK)
				.orElseThrow(() -> new NotFoundException("no endpoint here"));
		if (!rate(endpoint).acquirePermission()) {
			response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
			answer(x, 429, "Too Many Requests", "endpoint " + endpointId + " takes "
					+ endpoint.intSetting("ratePerSecond", WebhookTransport.DEFAULT_RATE_PER_SECOND)
					+ " deliveries a second");
			return;
		}
		byte[] body = x.body(Math.min(serverMaxBody,
				endpoint.intSetting("maxBytes", WebhookTransport.DEFAULT_MAX_BYTES)));
		WebhookSignatures.Verified verified;
		try {
			verified = WebhookSignatures.verify(WebhookSignatures.Scheme.of(endpoint.setting("signature")),
					endpoint.secret("signingSecret").orElse(null), request.getHeaders()::get, body, Instant.now());
		} catch (WebhookSignatures.Refused refused) {
			refusals.failed(from);
			tenantPushes.refused(endpoint, from, refused.getMessage());
			answer(x, 401, "Unauthorized", refused.getMessage());
			return;
		}
		OptionalLong message = tenantPushes.receive(endpoint, verified.deliveryId(),
				WebhookTransport.sourceName(endpoint, verified.deliveryId()), new ByteArrayInputStream(body));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("delivery", verified.deliveryId());
		if (message.isPresent()) {
			answer.put("message", message.getAsLong());
		} else {
			answer.put("duplicate", true);
		}
		x.ok(answer);
		message.ifPresent(id -> processLater(tenantPushes, tenant, endpoint.partnerId(), id));
	}

	private RateLimiter rate(Endpoint endpoint) {
		int perSecond = Math.max(1, endpoint.intSetting("ratePerSecond", WebhookTransport.DEFAULT_RATE_PER_SECOND));
		String key = endpoint.tenantId() + "/" + endpoint.id() + "@" + perSecond;
		return rates.computeIfAbsent(key, name -> RateLimiter.of(name, RateLimiterConfig.custom()
				.limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO)
				.build()));
	}

}
