package io.syncline.runtime.local;

import static io.syncline.runtime.local.internal.Calls.call;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.io.IOException;
import java.sql.SQLException;

import io.syncline.engine.Ingestion;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.internal.Announcements;
import io.syncline.runtime.local.internal.Dtos;
import io.syncline.store.Checkpoints;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;
import io.syncline.store.RetryQueue;
import io.syncline.store.Store;

/**
 * Inbox claims (submitted alone or in batches) and finishing what a stop or a transient failure left: claims found
 * on start, messages journaled but never finished, records whose retry is due, and the messages parked behind their
 * business keys.
 */
final class Recovery {

	private final String tenantId;
	private final Store store;
	private final Ingestion ingestion;
	private final JournalSearch search;
	private final Consumer<Ingestion.Result> announcer;
	private final RetryQueue retries = new RetryQueue();
	private final Checkpoints checkpoints;
	private final ExceptionQueue queue;
	private final Announcements quarantined;

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Recovery.class);

	Recovery(String tenantId, Store store, Ingestion ingestion, JournalSearch search,
			Consumer<Ingestion.Result> announcer, Announcements announcements) {
		this.checkpoints = new Checkpoints(store);
		this.queue = new ExceptionQueue(store);
		this.quarantined = announcements;
		this.tenantId = tenantId;
		this.store = store;
		this.ingestion = ingestion;
		this.search = search;
		this.announcer = announcer;
	}

	/**
	 * Submits files an inbox claimed in one transaction (see {@link Ingestion#submitBatch}); if the batch cannot
	 * commit, each is submitted alone, so one file that breaks a batch does not hold up the others.
	 */
	List<SubmitResult> submitClaimed(List<Ingestion.Document> documents) {
		List<Ingestion.Result> results;
		try {
			results = ingestion.submitBatch(documents);
		} catch (IOException | SQLException | RuntimeException e) {
			results = new ArrayList<>();
			for (Ingestion.Document document : documents) {
				results.add(call("submit " + document.sourceName(), () -> ingestion.submit(document.partner(),
						document.documentType(), document.sourceName(), document.payload(), null, null, document.keys())));
			}
		}
		List<SubmitResult> submitted = new ArrayList<>();
		for (Ingestion.Result result : results) {
			announcer.accept(result);
			submitted.add(Dtos.submitted(result));
		}
		return submitted;
	}

	/**
	 * For an inbox claim found after a stop: if its message was journaled, finishes it (resuming it if it never
	 * finished) and returns its result; empty if it was never journaled.
	 */
	Optional<SubmitResult> finishClaim(String claimId) {
		List<MessageJournal.Message> found = claimed(claimId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(ended(found.get(0)).orElseGet(() -> resumeOrQuarantine(found.get(0).id())));
	}

	/** The message journaled for an inbox claim, if any. */
	private List<MessageJournal.Message> claimed(String claimId) {
		return call("look up claim " + claimId, () -> search.search(tenantId,
				new JournalSearch.Filter(null, null, null, "IN", null, claimId, null, null), 0, 1));
	}

	/** What a message ended as, if it finished before a stop. */
	private static Optional<SubmitResult> ended(MessageJournal.Message message) {
		if (message.status().equals(MessageJournal.Status.RECEIVED.name())) {
			return Optional.empty();
		}
		return Optional.of(new SubmitResult(message.id(), message.partnerId(), message.documentType(),
				message.status(), 0, Map.of(), message.status().equals("APPLIED") ? List.of()
						: List.of("finished before the stop as " + message.status())));
	}

	/** How often the work of an inbox claim was abandoned. */
	io.syncline.store.InboxClaims.Abandons abandonsOf(String claimId) {
		return call("read the abandons of claim " + claimId,
				() -> store.read(connection -> new io.syncline.store.InboxClaims(store.dialect()).abandons(connection,
						tenantId, claimId)));
	}

	/**
	 * Resumes a message a stop left unfinished, counting the resume first (in its own transaction, so a resume that
	 * kills the process counts too); one that made no progress across {@link #RESUMES_WITHOUT_PROGRESS} resumes is
	 * quarantined instead.
	 */
	private SubmitResult resumeOrQuarantine(long id) {
		Checkpoints.Resume before = call("count the resume of message " + id,
				() -> checkpoints.countResume(tenantId, id, RESUMES_WITHOUT_PROGRESS));
		return before.resumes() >= RESUMES_WITHOUT_PROGRESS ? quarantine(before) : resumeAndAnnounce(id);
	}

	/**
	 * Tries again every record whose retry is due at {@code now}, then lets through, in the order they came, the
	 * messages held back behind keys that no longer wait. Returns what each resumed message did.
	 */
	List<SubmitResult> retryDue(Instant now) {
		List<SubmitResult> results = new ArrayList<>();
		List<RetryQueue.Due> due = call("find due retries",
				() -> store.inTransaction(c -> retries.due(c, tenantId, now.atOffset(ZoneOffset.UTC))));
		Set<Long> done = new LinkedHashSet<>();
		Set<String> keys = new LinkedHashSet<>();
		for (RetryQueue.Due retry : due) {
			keys.add(retry.businessKey());
			if (done.add(retry.messageId())) {
				results.add(resumeAndAnnounce(retry.messageId()));
			}
		}
		for (String key : keys) {
			boolean stillWaiting = call("check " + key, () -> store.inTransaction(c -> retries.blockedKeys(c, tenantId,
					Long.MAX_VALUE).contains(key)));
			if (stillWaiting) {
				continue;
			}
			for (long parked : call("find messages behind " + key,
					() -> store.inTransaction(c -> retries.parkedMessages(c, tenantId, key)))) {
				if (done.add(parked)) {
					results.add(resumeAndAnnounce(parked));
				}
			}
		}
		return results;
	}

	/**
	 * Starts that may resume a message whose checkpoint does not move: a message that stopped the runtime this often
	 * is set aside, so the runtime comes up and the other messages flow.
	 */
	static final int RESUMES_WITHOUT_PROGRESS = 3;

	/** Sets a message aside with a POISON exception naming the attempts and the last error known. */
	private SubmitResult quarantine(Checkpoints.Resume before) {
		long id = before.id();
		String detail = "resumed by " + before.resumes() + " starts of the runtime without progress (still at record "
				+ before.checkpointRecords() + "); last error known: "
				+ (before.lastError() == null ? "none recorded (the process ended without one: killed, or the machine "
						+ "stopped)" : before.lastError())
				+ ". Not resumed again: fix the cause (a larger heap, a corrected file), then resubmit it";
		return setAside(id, detail);
	}

	/**
	 * An inbox claim whose work was abandoned on {@code abandons} runs (see PartnerLanes): set aside like a message
	 * that stopped the runtime on as many starts, journaled first if it never was, instead of hanging its worker
	 * again. A claim whose message finished meanwhile is left as it ended.
	 */
	SubmitResult quarantineClaim(String partner, String name, String claimId, java.nio.file.Path file,
			io.syncline.store.InboxClaims.Abandons abandons) {
		List<MessageJournal.Message> journaled = claimed(claimId);
		Optional<SubmitResult> finished = journaled.isEmpty() ? Optional.empty() : ended(journaled.get(0));
		if (finished.isPresent()) {
			return finished.get();
		}
		long id = !journaled.isEmpty() ? journaled.get(0).id()
				: call("journal claim " + claimId, () -> ingestion.journalOnly(partner, name, file, Map.of("INBOX", claimId)));
		return setAside(id, "abandoned by the inbox worker on " + abandons.count() + " runs, each far past its bound "
				+ "without progress (last: " + abandons.lastReason() + "). Not submitted again: fix the cause, then "
				+ "resubmit it");
	}

	private SubmitResult setAside(long id, String detail) {
		MessageJournal.Message message = call("read message " + id, () -> search.get(tenantId, id)).orElseThrow();
		long exceptionId = call("quarantine message " + id, () -> store.inTransaction(connection -> {
			checkpoints.quarantine(connection, tenantId, id);
			return queue.open(connection, tenantId, id, "POISON", null, message.sourceName(), detail);
		}));
		LOG.warn("message {} ({}) quarantined: {}", id, message.sourceName(), detail);
		quarantined.quarantined(id, exceptionId, message.partnerId(), message.documentType(), detail);
		return new SubmitResult(id, message.partnerId(), message.documentType(),
				MessageJournal.Status.QUARANTINED.name(), 0, Map.of("QUARANTINED", 1L), List.of(detail));
	}

	/** Processes a message a transport journaled (received, not yet run), and tells subscribers what it did. */
	SubmitResult processReceived(long messageId) {
		return resumeAndAnnounce(messageId);
	}

	private SubmitResult resumeAndAnnounce(long messageId) {
		Ingestion.Result result = call("resume message " + messageId, () -> ingestion.resume(messageId));
		announcer.accept(result);
		return Dtos.submitted(result);
	}

	/**
	 * Finishes every message journaled but left unfinished by a stop (API submits as well as inbox files), and
	 * delivers outbound documents committed but not yet in the outbox.
	 */
	List<SubmitResult> resumeUnfinished() {
		List<SubmitResult> resumed = new ArrayList<>();
		for (long id : call("find unfinished messages", () -> search.unfinished(tenantId))) {
			resumed.add(resumeOrQuarantine(id));
		}
		call("deliver outbound documents left undelivered", ingestion::publishPending);
		return resumed;
	}
}
