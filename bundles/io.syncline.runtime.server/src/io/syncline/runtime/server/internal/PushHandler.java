package io.syncline.runtime.server.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.local.EndpointPushes;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.wire.Bodies;
import io.syncline.runtime.wire.WireJson;

/**
 * What the routes partners push to share (webhooks, AS2): each tenant's pushes, a limit on refused deliveries per
 * client address, the pool that processes what was journaled after the answer, and a stop that lets that pool
 * finish what it holds.
 */
public abstract class PushHandler extends Handler.Abstract {

	private static final Logger LOG = LoggerFactory.getLogger(PushHandler.class);
	/** Refused deliveries from one address in a minute before it is refused outright. */
	static final int REFUSALS_PER_MINUTE = 20;

	final LocalRuntime root;
	final ClientAddresses clients;
	final FailureLimiter refusals = new FailureLimiter(REFUSALS_PER_MINUTE, Duration.ofMinutes(1));
	private final Map<String, EndpointPushes> pushes = new ConcurrentHashMap<>();
	private final ExecutorService processing;
	volatile boolean stopping;

	PushHandler(LocalRuntime root, java.util.List<String> trustedProxies, String threadName) {
		this.root = root;
		this.clients = new ClientAddresses(trustedProxies);
		AtomicInteger threads = new AtomicInteger();
		this.processing = Executors.newFixedThreadPool(2, r -> {
			Thread thread = new Thread(r, threadName + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The paths this route serves: the tenant, then the endpoint. */
	abstract java.util.regex.Pattern path();

	/** What a delivery is called in answers: "a webhook", "an AS2 message". */
	abstract String what();

	/** Serves one delivery for an endpoint of a tenant, once the checks every push shares have passed. */
	abstract void serve(Exchange x, String tenant, String endpointId, String from) throws Exception;

	/**
	 * What every pushed delivery goes through first: 503 while stopping, one 404 for any path not of this route,
	 * POST only, and a client address with too many refused deliveries in the last minute waits (429); then the
	 * route serves it, and what fails is answered in words, never with a trace.
	 */
	@Override
	public final boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
			org.eclipse.jetty.util.Callback callback) {
		Exchange x = new Exchange(request, response, callback, Map.of());
		String from = clients.of(request.getConnectionMetaData().getRemoteSocketAddress(), request.getHeaders());
		try {
			if (stopping) {
				response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.RETRY_AFTER, "5");
				throw new io.syncline.runtime.api.RuntimeUnavailableException("the runtime is stopping");
			}
			java.util.regex.Matcher path = path().matcher(org.eclipse.jetty.server.Request.getPathInContext(request));
			if (!path.matches()) {
				throw new NotFoundException("no endpoint here");
			}
			if (!request.getMethod().equals("POST")) {
				answer(x, 405, "Method Not Allowed", what() + " is POSTed");
				return true;
			}
			long blocked = refusals.blockedFor(from);
			if (blocked > 0) {
				response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.RETRY_AFTER, Long.toString(blocked));
				answer(x, 429, "Too Many Requests", "too many refused deliveries from " + from);
				return true;
			}
			serve(x, path.group(1), path.group(2), from);
		} catch (NotFoundException e) {
			answer(x, 404, "Not Found", e.getMessage());
		} catch (io.syncline.runtime.api.PayloadTooLargeException e) {
			answer(x, 413, "Content Too Large", e.getMessage());
		} catch (io.syncline.runtime.api.RuntimeUnavailableException e) {
			answer(x, 503, "Service Unavailable", e.getMessage());
		} catch (Exception e) {
			LOG.error("{} failed: {}", what(), e.getMessage());
			answer(x, 500, "Internal Server Error", what() + " could not be kept; send it again");
		}
		return true;
	}

	EndpointPushes pushes(String tenant) {
		return pushes.computeIfAbsent(tenant, id -> {
			try {
				return new EndpointPushes(root.forTenant(id));
			} catch (io.syncline.runtime.api.NotFoundException e) {
				throw new NotFoundException("no endpoint here");
			}
		});
	}

	/**
	 * Processes a journaled message after the answer, after the partner's earlier ones (one at a time per partner, as
	 * its lane would: its documents apply in the order they came); one that fails stays journaled and is resumed at
	 * the next start.
	 */
	void processLater(EndpointPushes tenantPushes, String tenant, String partner, long message) {
		lanes.computeIfAbsent(tenant + "/" + partner, key -> new SerialLane()).run(() -> {
			try {
				tenantPushes.process(message);
			} catch (RuntimeException e) {
				LOG.error("{}: processing pushed message {} failed: {}", tenant, message, e.getMessage());
			}
		});
	}

	private final Map<String, SerialLane> lanes = new ConcurrentHashMap<>();

	/** Work of one partner, run one at a time in order on the shared pool. */
	private final class SerialLane {
		private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();
		private boolean running;

		synchronized void run(Runnable work) {
			waiting.add(work);
			if (!running) {
				running = true;
				processing.execute(this::drain);
			}
		}

		private void drain() {
			while (true) {
				Runnable next;
				synchronized (this) {
					next = waiting.poll();
					if (next == null) {
						running = false;
						return;
					}
				}
				next.run();
			}
		}
	}

	static void answer(Exchange x, int status, String title, String detail) {
		if (x.answered()) {
			return;
		}
		x.discardUnreadBody(1 << 20); // a refusal keeps the connection of a sender still writing, up to 1 MB
		try {
			x.send(status, "application/problem+json", WireJson.mapper().writeValueAsBytes(
					new Bodies.Problem("about:blank", title, status, detail)));
		} catch (java.io.IOException e) {
			x.send(status, "application/problem+json", new byte[0]);
		}
	}

	/** New deliveries get 503; what was taken finishes processing (up to 30 s), the rest resumes at the next start. */
	public void stopping() {
		stopping = true;
		processing.shutdown();
		try {
			processing.awaitTermination(30, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
