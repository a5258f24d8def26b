package io.syncline.runtime.local;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.syncline.runtime.api.RuntimeFailure;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.store.EndpointCursors;
import io.syncline.store.Endpoints;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;
import io.syncline.transport.Endpoint;
import io.syncline.transport.EndpointKind;
import io.syncline.transport.Transport;
import io.syncline.transport.TransportException;

/**
 * Runs one tenant's endpoints: polls each endpoint in when its schedule says, and carries each partner's outbound
 * documents out through its endpoints out, in the order they were made. What a poll takes is journaled with its
 * claim before the transport tidies it away, then processed in the partner's lane. A delivery moves the endpoint's
 * cursor only once the partner has the document, so a stop or an outage repeats a delivery and never skips one; an
 * endpoint that fails backs off (1 s doubling to 5 min) and keeps its place, so a partner down for an hour gets its
 * documents in order when it is back. Folder endpoints are the runtime's own inbox and outbox, run as before.
 */
public final class EndpointRunner {

	private static final Logger LOG = LoggerFactory.getLogger(EndpointRunner.class);
	private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);

	/** What one endpoint's run did, or why it failed. */
	public record Ran(String endpointId, int taken, int seenBefore, int delivered, int backlog, String error,
			List<SubmitResult> processed) {
	}

	private final LocalRuntime runtime;
	private final EndpointBook book;
	private final PartnerLanes lanes;
	private final Store store;
	private final Map<String, Instant> due = new ConcurrentHashMap<>();
	private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();

	/** The runner of {@code runtime}'s tenant, its processing done in {@code lanes}. */
	public EndpointRunner(LocalRuntime runtime, PartnerLanes lanes) {
		this.runtime = runtime;
		this.book = runtime.endpointBook();
		this.lanes = lanes;
		this.store = runtime.store();
	}

	/** Runs every enabled endpoint whose time has come at {@code now}, one after the other. */
	public List<Ran> runDue(Instant now) {
		List<Ran> ran = new ArrayList<>();
		runDue(now, work -> ran.add(work.get()));
		return ran;
	}

	/**
	 * Hands every enabled endpoint whose time has come, and that is not running already, to {@code runner} (a pool,
	 * so a slow partner does not hold up the others); an endpoint never runs twice at once.
	 */
	public void runDue(Instant now, java.util.function.Consumer<java.util.function.Supplier<Ran>> runner) {
		for (Endpoints.Row row : book.rows()) {
			if (!row.enabled() || row.kind().equals(EndpointKind.FOLDER.word())) {
				continue;
			}
			Instant when = due.get(row.endpointId());
			if ((when == null || !now.isBefore(when)) && running.add(row.endpointId())) {
				runner.accept(() -> {
					try {
						return run(row, now);
					} finally {
						running.remove(row.endpointId());
					}
				});
			}
		}
	}

	/** The endpoints running now. */
	private final java.util.Set<String> running = ConcurrentHashMap.newKeySet();

	/** Runs one endpoint now, whatever its schedule (a poll asked for by hand, a test). */
	public Ran runNow(String endpointId) {
		return run(book.row(endpointId), Instant.now());
	}

	private Ran run(Endpoints.Row row, Instant now) {
		Endpoint endpoint;
		try {
			endpoint = book.open(row);
		} catch (RuntimeException e) {
			return failed(row.endpointId(), now, e.getMessage(), List.of());
		}
		Transport transport = runtime.transports().of(endpoint.kind()).orElse(null);
		if (endpoint.direction() == Endpoint.Direction.IN && transport instanceof Transport.Polling polling) {
			return poll(endpoint, polling, now);
		}
		if (endpoint.direction() == Endpoint.Direction.OUT && transport instanceof Transport.Delivering delivering) {
			return deliver(endpoint, delivering, now);
		}
		due.put(endpoint.id(), now.plus(endpoint.schedule())); // pushed to, not polled: webhooks, AS2 in
		return new Ran(endpoint.id(), 0, 0, 0, 0, null, List.of());
	}

	private Ran poll(Endpoint endpoint, Transport.Polling transport, Instant now) {
		due.put(endpoint.id(), now.plus(endpoint.schedule()));
		Claims claims = new Claims(endpoint);
		try {
			Transport.Polled polled = transport.poll(endpoint, claims);
			List<SubmitResult> processed = process(endpoint, claims.taken);
			book.recordSuccess(endpoint.id(), polled.taken(), polled.backlog());
			failuresInARow.remove(endpoint.id());
			if (polled.taken() > 0) {
				LOG.info("{}: endpoint {} took {} document(s) ({} seen before, {} left for the next poll)",
						endpoint.tenantId(), endpoint.id(), polled.taken(), polled.seenBefore(), polled.backlog());
			}
			return new Ran(endpoint.id(), polled.taken(), polled.seenBefore(), 0, polled.backlog(), null, processed);
		} catch (TransportException | RuntimeFailure e) {
			// what was journaled before the failure is kept and processed; the rest is taken at the next poll, which
			// comes no sooner than the schedule says however short the backoff: a partner is not hammered
			Ran failed = failed(endpoint.id(), now, e.getMessage(), process(endpoint, claims.taken));
			due.merge(endpoint.id(), now.plus(endpoint.schedule()), (a, b) -> a.isAfter(b) ? a : b);
			return failed;
		}
	}

	/** The receiver of one poll: journals each pickup with its claim, and keeps the ids to process after. */
	private final class Claims implements Transport.Receiver {
		private final Endpoint endpoint;
		private final EndpointPushes pushes = new EndpointPushes(runtime);
		final List<Long> taken = new ArrayList<>();

		Claims(Endpoint endpoint) {
			this.endpoint = endpoint;
		}

		@Override
		public boolean seen(String pickupKey) {
			return pushes.taken(endpoint, pickupKey);
		}

		@Override
		public long receive(String pickupKey, String name, InputStream content) throws IOException {
			var message = pushes.journal(endpoint, pickupKey, name, content);
			if (message.isEmpty()) {
				return -1;
			}
			taken.add(message.getAsLong());
			return message.getAsLong();
		}

		@Override
		public java.util.Optional<String> cursor(String name) {
			return io.syncline.runtime.local.internal.Calls.call("read endpoint " + endpoint.id() + "'s " + name,
					() -> store.read(connection -> new EndpointCursors().get(connection, endpoint.tenantId(),
							endpoint.id(), name)));
		}

		@Override
		public void cursor(String name, String value) {
			io.syncline.runtime.local.internal.Calls.call("move endpoint " + endpoint.id() + "'s " + name,
					() -> store.inTransaction(connection -> {
						new EndpointCursors().put(connection, endpoint.tenantId(), endpoint.id(), name, value);
						return null;
					}));
		}
	}

	private List<SubmitResult> process(Endpoint endpoint, List<Long> messages) {
		if (messages.isEmpty()) {
			return List.of();
		}
		try {
			return lanes.run(endpoint.tenantId(), endpoint.partnerId(), messages.size() + " document(s) from endpoint "
					+ endpoint.id(), () -> runtime.operations().processReceived(messages)).orElse(List.of());
		} catch (RuntimeException e) {
			throw e;
		} catch (Exception e) {
			// journaled, so not lost: the next start resumes what did not finish
			LOG.error("{}: processing what endpoint {} took failed: {}", endpoint.tenantId(), endpoint.id(),
					e.getMessage());
			return List.of();
		}
	}

	private Ran deliver(Endpoint endpoint, Transport.Delivering transport, Instant now) {
		EndpointDeliveries.Outcome outcome = new EndpointDeliveries(store).run(endpoint, transport);
		if (outcome.delivered() > 0 || outcome.refused() > 0) {
			LOG.info("{}: endpoint {} delivered {} document(s){}", endpoint.tenantId(), endpoint.id(), outcome.delivered(),
					outcome.refused() > 0 ? ", set " + outcome.refused() + " refused aside as DELIVERY_FAILED" : "");
		}
		TransportException stopped = outcome.stopped();
		if (stopped == null) {
			if (outcome.refused() > 0) {
				book.recordFailure(endpoint.id(), outcome.refused() + " document(s) refused by the partner, set aside as "
						+ "DELIVERY_FAILED exceptions");
			} else {
				book.recordSuccess(endpoint.id(), outcome.delivered(), 0);
			}
			failuresInARow.remove(endpoint.id());
			due.remove(endpoint.id());
			return new Ran(endpoint.id(), 0, 0, outcome.delivered(), 0, null, List.of());
		}
		Ran failed = failed(endpoint.id(), now, stopped.getMessage(), List.of());
		if (stopped.retryAfter() != null) {
			// the partner said when to come back: no sooner, however short our own backoff
			due.merge(endpoint.id(), now.plus(stopped.retryAfter()), (a, b) -> a.isAfter(b) ? a : b);
		}
		return new Ran(endpoint.id(), 0, 0, outcome.delivered(), outcome.backlog(), failed.error(), List.of());
	}

	private Ran failed(String endpointId, Instant now, String error, List<SubmitResult> processed) {
		int failures = failuresInARow.merge(endpointId, 1, Integer::sum);
		Duration backoff = Duration.ofSeconds(1L << Math.min(failures - 1, 9));
		due.put(endpointId, now.plus(backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff));
		book.recordFailure(endpointId, error);
		LOG.warn("endpoint {} failed ({} in a row; next try in {} s): {}", endpointId, failures,
				Duration.between(now, due.get(endpointId)).toSeconds(), error);
		return new Ran(endpointId, 0, 0, 0, 0, error, processed);
	}
}
