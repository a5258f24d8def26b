package io.syncline.runtime.server.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.PayloadTooLargeException;
import io.syncline.runtime.api.RuntimeUnavailableException;
import io.syncline.runtime.local.EndpointPushes;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.wire.Bodies;
import io.syncline.runtime.wire.WireJson;
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
	public boolean handle(Request request, Response response, Callback callback) {
		Exchange x = new Exchange(request, response, callback, Map.of());
		String from = clients.of(request.getConnectionMetaData().getRemoteSocketAddress(), request.getHeaders());
		try {
			if (stopping) {
				response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
				throw new RuntimeUnavailableException("the runtime is stopping");
			}
			Matcher path = PATH.matcher(Request.getPathInContext(request));
			if (!path.matches()) {
				throw new NotFoundException("no endpoint here");
			}
			if (!request.getMethod().equals("POST")) {
				answer(x, 405, "Method Not Allowed", "a webhook is POSTed");
				return true;
			}
			long blocked = refusals.blockedFor(from);
			if (blocked > 0) {
				response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(blocked));
				answer(x, 429, "Too Many Requests", "too many refused deliveries from " + from);
				return true;
			}
			String tenant = path.group(1);
			String endpointId = path.group(2);
			EndpointPushes tenantPushes = pushes(tenant);
			Endpoint endpoint = tenantPushes.endpoint(endpointId, EndpointKind.WEBHOOK)
					.orElseThrow(() -> new NotFoundException("no endpoint here"));
			if (!rate(endpoint).acquirePermission()) {
				response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
				answer(x, 429, "Too Many Requests", "endpoint " + endpointId + " takes "
						+ endpoint.intSetting("ratePerSecond", WebhookTransport.DEFAULT_RATE_PER_SECOND)
						+ " deliveries a second");
				return true;
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
				return true;
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
		} catch (NotFoundException e) {
			answer(x, 404, "Not Found", e.getMessage());
		} catch (PayloadTooLargeException e) {
			answer(x, 413, "Content Too Large", e.getMessage());
		} catch (RuntimeUnavailableException e) {
			answer(x, 503, "Service Unavailable", e.getMessage());
		} catch (Exception e) {
			LOG.error("a webhook delivery failed: {}", e.getMessage());
			answer(x, 500, "Internal Server Error", "the delivery could not be kept; send it again");
		}
		return true;
	}

	private RateLimiter rate(Endpoint endpoint) {
		int perSecond = Math.max(1, endpoint.intSetting("ratePerSecond", WebhookTransport.DEFAULT_RATE_PER_SECOND));
		String key = endpoint.tenantId() + "/" + endpoint.id() + "@" + perSecond;
		return rates.computeIfAbsent(key, name -> RateLimiter.of(name, RateLimiterConfig.custom()
				.limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO)
				.build()));
	}

}
