package io.syncline.runtime.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.api.AccessDeniedException;
import io.syncline.runtime.api.ConflictException;
import io.syncline.runtime.api.IntegrationRuntime;
import io.syncline.runtime.api.InvalidContentException;
import io.syncline.runtime.api.NotAuthenticatedException;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.PayloadTooLargeException;
import io.syncline.runtime.api.Principal;
import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.RuntimeUnavailableException;
import io.syncline.runtime.api.WorkerStatus;
import io.syncline.runtime.local.AccessTokens;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.server.ServerSettings;
import io.syncline.runtime.wire.Bodies;
import io.syncline.runtime.wire.Operation;
import io.syncline.runtime.wire.WireJson;

/**
 * Every request: refused while stopping, routed by {@link Operation}, authenticated by its bearer token (never one
 * in the URL), checked against the route's role, run on the caller's runtime in the tenant of the path, and any
 * failure answered as {@code application/problem+json} with a readable reason and never a stack trace.
 */
public final class ApiHandler extends Handler.Abstract {

	private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
	private static final String BEARER = "Bearer ";

	private final LocalRuntime root;
	private final AccessTokens tokens;
	private final Calls calls;
	private final EventStreams streams;
	private final FailureLimiter failuresByAddress;
	private final FailureLimiter failuresByToken;
	private final ClientAddresses clients;
	private final AtomicLong errors = new AtomicLong();
	private final String version;
	private final Instant startedAt;
	private volatile boolean stopping;

	public ApiHandler(LocalRuntime root, ServerSettings settings, String version, Instant startedAt) {
		this.root = root;
		this.tokens = root.accessTokens();
		this.version = version;
		this.startedAt = startedAt;
		this.failuresByAddress = new FailureLimiter(settings.authFailuresPerMinute(), Duration.ofMinutes(1));
		this.failuresByToken = new FailureLimiter(settings.authFailuresPerMinute(), Duration.ofMinutes(1));
		this.clients = new ClientAddresses(settings.trustedProxies());
		this.calls = new Calls(settings.maxJsonBytes(), settings.maxBodyBytes());
		this.streams = new EventStreams(settings.maxStreams(), settings.heartbeat());
	}

	/** The most of an unread body a refusal reads to keep its connection open. */
	private static final long DISCARDED_BODY_LIMIT = 1 << 20;

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		String path = Request.getPathInContext(request);
		Operation operation = Operation.find(request.getMethod(), path);
		Exchange x = new Exchange(request, response, callback,
				operation == null ? Map.of() : operation.match(path));
		try {
			if (stopping) {
				response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
				throw new RuntimeUnavailableException("the runtime is stopping");
			}
			refuseTokensInTheUrl(request);
			if (operation == null) {
				if (Operation.anyMatches(path)) {
					problem(x, 405, "Method Not Allowed", request.getMethod() + " is not allowed on " + path);
				} else {
					problem(x, 404, "Not Found", "no route " + path);
				}
				return true;
			}
			if (operation == Operation.HEALTH || operation == Operation.HEALTH_LIVE) {
				x.ok(Map.of("status", "UP", "version", version, "startedAt", startedAt.toString()));
				return true;
			}
			if (operation == Operation.HEALTH_READY) {
				ready(x);
				return true;
			}
			// the role each call needs is checked, and a refusal audited, by the runtime acting as the principal
			Principal principal = authenticate(request, operation);
			IntegrationRuntime runtime = runtimeFor(principal, x.path("tenant"));
			if (operation == Operation.OPENAPI) {
				x.send(200, "application/json", openApi());
			} else if (operation == Operation.EVENTS) {
				streams.serve(runtime, x);
			} else {
				calls.run(operation, runtime, x);
			}
		} catch (Throwable failure) {
			answer(x, failure);
		}
		return true;
	}

	/**
	 * Ready when the store answers, the data directory's disk has room and no worker is stuck. Without a token, so the body names workers and how long
	 * they went without progress, never a tenant, a partner or a file (the log and the status API have those).
	 */
	private void ready(Exchange x) throws IOException {
		java.util.List<String> reasons = new java.util.ArrayList<>();
		if (!root.operations().storeAnswers(READY_STORE_TIMEOUT)) {
			reasons.add("the store does not answer within " + READY_STORE_TIMEOUT.toSeconds() + " s");
		}
		if (root.diskRoom() != null && root.diskRoom().full()) {
			reasons.add("the data directory's disk is below its minimum free space: new work waits");
		}
		Instant now = Instant.now();
		for (WorkerStatus worker : root.workers().statuses()) {
			if (worker.stuck()) {
				reasons.add("worker " + worker.name() + " is stuck: "
						+ Duration.between(worker.lastProgress(), now).toSeconds() + " s without progress (bound "
						+ worker.stuckAfterMillis() / 1000 + " s)");
			}
		}
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("status", reasons.isEmpty() ? "READY" : "NOT_READY");
		body.put("reasons", reasons);
		body.put("workers", root.workers().statuses().stream()
				.map(w -> Map.of("name", w.name(), "state", w.state().name())).toList());
		x.send(reasons.isEmpty() ? 200 : 503, "application/json", WireJson.mapper().writeValueAsBytes(body));
	}

	private static final Duration READY_STORE_TIMEOUT = Duration.ofSeconds(2);

	/** A parameter named like a token, or a value that is one (a source file named syn_… is not). */
	private static void refuseTokensInTheUrl(Request request) {
		for (var field : Request.extractQueryParameters(request)) {
			String name = field.getName().toLowerCase(java.util.Locale.ROOT);
			boolean token = name.equals("token") || name.equals("access_token") || name.equals("api_key")
					|| field.getValues().stream().anyMatch(v -> v.matches("syn_[A-Za-z0-9_-]{40,}"));
			if (token) {
				throw new IllegalArgumentException("a token is never accepted in a URL: send it as Authorization: Bearer");
			}
		}
	}

	/**
	 * The caller of a token that is valid is served, whatever its address did before: behind a proxy or a NAT every
	 * user shares one address, and a script sending bad requests there must not lock out the desk. What fails is
	 * counted per client address and per token prefix; past the limit an address gets 429 instead of 401 (and its
	 * failures are no longer audited one by one), and a token prefix gets 429 without being looked up, so guessing
	 * one token stays slow.
	 */
	private Principal authenticate(Request request, Operation operation) {
		String from = clients.of(request.getConnectionMetaData().getRemoteSocketAddress(), request.getHeaders());
		String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
		String why = header == null ? "no bearer token"
				: !header.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? "not a bearer token" : null;
		String prefix = null;
		if (why == null) {
			String secret = header.substring(BEARER.length()).strip();
			prefix = secret.substring(0, Math.min(secret.length(), TOKEN_PREFIX));
			long wait = failuresByToken.blockedFor(prefix);
			if (wait > 0) {
				throw new TooManyFailures(wait, "this token");
			}
			var principal = tokens.authenticate(secret);
			if (principal.isPresent()) {
				return principal.get();
			}
			why = "an unknown, expired or revoked token";
		}
		long wait = failuresByAddress.blockedFor(from);
		failuresByAddress.failed(from);
		if (prefix != null) {
			failuresByToken.failed(prefix);
		}
		if (wait > 0) {
			throw new TooManyFailures(wait, "this address");
		}
		tokens.failed(from, why + " for " + operation);
		throw new NotAuthenticatedException(why);
	}

	/** Characters of a presented token its failures are counted by: {@code syn_} and 8 of its secret. */
	private static final int TOKEN_PREFIX = 12;

	private IntegrationRuntime runtimeFor(Principal principal, String tenant) {
		LocalRuntime runtime = root.as(principal);
		if (tenant != null) {
			runtime = runtime.forTenant(tenant);
		}
		return runtime;
	}

	private byte[] openApi() throws IOException {
		try (InputStream in = ApiHandler.class.getResourceAsStream("/openapi.json")) {
			if (in == null) {
				throw new IllegalStateException("openapi.json is missing from the server bundle");
			}
			return in.readAllBytes();
		}
	}

	private void answer(Exchange x, Throwable failure) {
		if (x.answered()) {
			LOG.debug("{} failed after its answer began: {}", x.request().getHttpURI().getPath(),
					RuntimeFailure.reasonOf(failure));
			x.callback().failed(failure);
			return;
		}
		if (failure instanceof NotAuthenticatedException) {
			x.response().getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"syncline\"");
			problem(x, 401, "Unauthorized", failure.getMessage());
		} else if (failure instanceof TooManyFailures many) {
			x.response().getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(many.seconds));
			problem(x, 429, "Too Many Requests", failure.getMessage());
		} else if (failure instanceof AccessDeniedException) {
			problem(x, 403, "Forbidden", failure.getMessage());
		} else if (failure instanceof NotFoundException) {
			problem(x, 404, "Not Found", failure.getMessage());
		} else if (failure instanceof PayloadTooLargeException) {
			problem(x, 413, "Content Too Large", failure.getMessage());
		} else if (failure instanceof RuntimeUnavailableException) {
			problem(x, 503, "Service Unavailable", failure.getMessage());
		} else if (failure instanceof InvalidContentException) {
			problem(x, 422, "Unprocessable Content", failure.getMessage());
		} else if (failure instanceof IllegalArgumentException) {
			problem(x, 400, "Bad Request", failure.getMessage());
		} else if (failure instanceof ConflictException || failure instanceof IllegalStateException) {
			problem(x, 409, "Conflict", failure.getMessage());
		} else {
			long reference = errors.incrementAndGet();
			LOG.error("request {} {} failed (error {})", x.request().getMethod(), x.request().getHttpURI().getPath(),
					reference, failure);
			problem(x, 500, "Internal Server Error", (failure instanceof RuntimeFailure ? failure.getMessage()
					: "the runtime failed") + " (error " + reference + " in the runtime's log)");
		}
	}

	private static void problem(Exchange x, int status, String title, String detail) {
		x.discardUnreadBody(DISCARDED_BODY_LIMIT);
		try {
			x.send(status, "application/problem+json", WireJson.mapper().writeValueAsBytes(new Bodies.Problem(
					"about:blank", title, status, detail == null ? title : detail)));
		} catch (IOException e) {
			x.send(status, "application/problem+json",
					("{\"title\":\"" + title + "\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8));
		}
	}

	/** Stops taking requests and ends the event streams. */
	public void stopping() {
		stopping = true;
		streams.stopping();
	}

	/** An address or a token prefix past its limit of failed authentications. */
	private static final class TooManyFailures extends RuntimeException {
		private static final long serialVersionUID = 1L;
		private final long seconds;

		TooManyFailures(long seconds, String what) {
			super("too many failed authentications with " + what + "; try again in " + seconds + " s");
			this.seconds = seconds;
		}
	}
}
