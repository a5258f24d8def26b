package io.syncline.runtime.local.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.syncline.engine.Ingestion;
import io.syncline.engine.MappingSource;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingRunner;
import io.syncline.runtime.api.ExceptionDetail;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.BulkResult;
import io.syncline.runtime.api.ValidationReport;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;

/**
 * Fixing what failed: the payload a resubmit would send (edited or original), validating it without applying,
 * resubmitting it as a new message linked to the old one, and doing that for many at once, or only pretending to.
 */
public final class ExceptionWork {

	/** Kinds a resubmit can cure: the document itself was the problem, not a business decision. */
	private static final Set<String> RESUBMITTABLE = Set.of("MAPPING_ERROR", "PROCESSING_ERROR", "NO_ROUTE", "POISON");

	/** A document a partner refused: retried by delivering it again through the endpoint that carried it. */
	public static final String DELIVERY_FAILED = "DELIVERY_FAILED";
	/** Where a redelivery asked for waits for its endpoint's next run: {@code redeliver:<message id>}. */
	public static final String REDELIVER = "redeliver:";

	private final io.syncline.store.Store store;
	private final String tenantId;
	private final ExceptionQueue queue;
	private final MessageJournal journal;
	private final JournalSearch search;
	private final MappingSource mappings;
	private final Ingestion ingestion;

	public ExceptionWork(String tenantId, io.syncline.store.Store store, ExceptionQueue queue, MessageJournal journal,
			JournalSearch search, MappingSource mappings, Ingestion ingestion) {
		this.store = store;
		this.tenantId = tenantId;
		this.queue = queue;
		this.journal = journal;
		this.search = search;
		this.mappings = mappings;
		this.ingestion = ingestion;
	}

	/** The payload a resubmit sends: the edited one if someone corrected it, else the original message's. */
	/** An exception with its message, the payload as it stands (edited or not) and its audit history. */
	public ExceptionDetail detail(long exceptionId) throws SQLException {
		ExceptionQueue.Item item = queue.get(tenantId, exceptionId);
		MessageSummary message = null;
		byte[] payload = null;
		boolean edited = false;
		if (item.messageId() != null) {
			MessageJournal.Message row = message(item);
			message = Dtos.message(row, search.keysOf(tenantId, row.id()));
			var editedPayload = queue.editedPayload(tenantId, exceptionId);
			edited = editedPayload.isPresent();
			// a payload too large to hold is not shown whole; the detail says how large it is (message size)
			payload = edited ? editedPayload.get()
					: row.payloadSize() < MessageJournal.HOLD_LIMIT ? journal.payload(tenantId, row.id()) : null;
		}
		return new ExceptionDetail(Dtos.exception(item), message, payload, edited,
				queue.history(tenantId, exceptionId).stream().map(Dtos::audit).toList());
	}

	public byte[] currentPayload(ExceptionQueue.Item item) throws SQLException {
		var edited = queue.editedPayload(tenantId, item.id());
		if (edited.isPresent()) {
			return edited.get();
		}
		return journal.payload(tenantId, message(item).id());
	}

	public MessageJournal.Message message(ExceptionQueue.Item item) throws SQLException {
		if (item.messageId() == null) {
			throw new IllegalArgumentException("exception " + item.id() + " concerns no message; there is nothing to resubmit");
		}
		return search.get(tenantId, item.messageId()).orElseThrow(
				() -> new IllegalStateException("exception " + item.id() + ": message " + item.messageId() + " is missing"));
	}

	public ValidationReport validate(long exceptionId, Integer mappingVersion)
			throws SQLException, IOException, MappingCompileException {
		return validate(exceptionId, mappingVersion, null);
	}

	/** Validates {@code candidate} (null: the current payload) as the exception's resubmit would read it. */
	public ValidationReport validate(long exceptionId, Integer mappingVersion, byte[] candidate)
			throws SQLException, IOException, MappingCompileException {
		ExceptionQueue.Item item = queue.get(tenantId, exceptionId);
		MessageJournal.Message message = message(item);
		var route = ingestion.partners().inbound(message.partnerId(), message.documentType());
		if (route.isEmpty() || route.get().mapping() == null) {
			return new ValidationReport(message.documentType(), null, 0, List.of("no inbound route with a mapping for "
					+ message.documentType() + " from " + message.partnerId()));
		}
		MappingSource.Resolved mapping = mappings.resolve(route.get().mapping(), mappingVersion);
		List<String> problems = new ArrayList<>();
		byte[] payload = candidate != null ? candidate : currentPayload(item);
		MappingRunner.Summary summary = MappingRunner.run(mapping.mapping(), message.sourceName(), payload,
				outcome -> outcome.problems().forEach(problem -> problems.add(problem.describe())));
		return new ValidationReport(message.documentType(), route.get().mapping() + " v" + mapping.version(),
				summary.records(), problems);
	}

	/**
	 * Submits the current payload again, linked to the message it replaces. Clean: every resubmittable exception of
	 * the old message is resolved, naming the new message. Not clean: one more attempt on this exception.
	 */
	public Ingestion.Result resubmit(long exceptionId, Integer mappingVersion, String actor)
			throws SQLException, IOException {
		ExceptionQueue.Item item = queue.get(tenantId, exceptionId);
		if (!item.isOpen()) {
			throw new IllegalStateException("exception " + exceptionId + " is already " + item.state().name().toLowerCase());
		}
		if (!RESUBMITTABLE.contains(item.kind())) {
			throw new IllegalArgumentException("exception " + exceptionId + " is a " + item.kind()
					+ ": decide it (accept, reject, ignore or resolve) rather than resubmit");
		}
		MessageJournal.Message message = message(item);
		var edited = queue.editedPayload(tenantId, item.id());
		// without an edit the stored payload goes again as it is, streamed if it is large (a quarantined file)
		Ingestion.Result result = edited.isPresent()
				? ingestion.submit(message.partnerId(), message.documentType(), message.sourceName(), edited.get(),
						message.id(), mappingVersion)
				: ingestion.resubmit(message.id(), mappingVersion);
		if (result.problems().isEmpty()) {
			for (ExceptionQueue.Item sibling : queue.ofMessage(tenantId, message.id())) {
				if (sibling.isOpen() && RESUBMITTABLE.contains(sibling.kind())) {
					queue.close(tenantId, sibling.id(), actor, ExceptionQueue.State.RESOLVED,
							"resubmitted as message " + result.messageId() + ", which applied cleanly");
				}
			}
		} else {
			queue.recordAttempt(tenantId, exceptionId, actor, "resubmitted as message " + result.messageId() + ": "
					+ result.problems().size() + " problem(s), first: " + result.problems().get(0));
		}
		return result;
	}

	/**
	 * After a price change of {@code po} is accepted, each of its invoices held as a mismatch is matched again: its
	 * 810 is resubmitted. The old exception is resolved when the invoice matches now, or else superseded by the one
	 * the new match opened, so the queue keeps one mismatch per invoice.
	 */
	public List<Ingestion.Result> rematchInvoices(String po, String actor) throws SQLException, IOException {
		List<Ingestion.Result> results = new ArrayList<>();
		for (ExceptionQueue.Item item : queue.list(tenantId, true, "INVOICE_MISMATCH", null, 0, 1_000)) {
			String keys = item.messageId() == null ? null : search.keysOf(tenantId, item.messageId()).get("PO");
			if (keys == null || !List.of(keys.split(", ")).contains(po)) {
				continue;
			}
			Ingestion.Result result = ingestion.resubmit(item.messageId(), null);
			boolean clean = queue.ofMessage(tenantId, result.messageId()).stream()
					.noneMatch(opened -> opened.kind().equals("INVOICE_MISMATCH"));
			queue.close(tenantId, item.id(), actor, ExceptionQueue.State.RESOLVED, clean
					? "matched as message " + result.messageId() + " once the price change of " + po + " was accepted"
					: "matched again as message " + result.messageId() + ", still a mismatch: see its exception");
			results.add(result);
		}
		return results;
	}

	/** Asks the endpoint that carried a refused document to deliver it again at its next run. */
	private void redeliver(ExceptionQueue.Item item, String actor) throws SQLException {
		store.inTransaction(connection -> {
			new io.syncline.store.EndpointCursors().put(connection, tenantId, item.location(),
					REDELIVER + item.messageId(), Long.toString(item.id()));
			return null;
		});
		queue.recordAttempt(tenantId, item.id(), actor, "delivery asked again through endpoint " + item.location());
	}

	/**
	 * Resubmits each (once per message), or with {@code dryRun} only validates each. An id the tenant does not have
	 * (another tenant's, or none) refuses the whole batch before anything changes, naming the ids.
	 */
	public BulkResult retry(List<Long> exceptionIds, boolean dryRun, String actor) throws SQLException {
		List<Long> unknown = new ArrayList<>();
		for (long id : exceptionIds) {
			try {
				queue.get(tenantId, id);
			} catch (io.syncline.store.NotFoundException absent) {
				unknown.add(id);
			}
		}
		if (!unknown.isEmpty()) {
			throw new io.syncline.store.NotFoundException("no exception " + unknown + " in tenant " + tenantId
					+ ": nothing was retried");
		}
		List<BulkResult.Item> items = new ArrayList<>();
		Set<Long> messagesDone = new HashSet<>();
		for (long id : exceptionIds) {
			try {
				ExceptionQueue.Item item = queue.get(tenantId, id);
				if (item.isOpen() && item.kind().equals(DELIVERY_FAILED) && item.messageId() != null) {
					if (!dryRun) {
						redeliver(item, actor);
					}
					items.add(new BulkResult.Item(id, dryRun ? "WOULD_REDELIVER" : "REDELIVERING", "message "
							+ item.messageId() + " goes out again through endpoint " + item.location()
							+ " at its next run"));
				} else if (!item.isOpen() || !RESUBMITTABLE.contains(item.kind())) {
					items.add(new BulkResult.Item(id, "SKIPPED", item.kind() + ", " + item.state().name().toLowerCase()));
				} else if (item.messageId() != null && !messagesDone.add(item.messageId())) {
					items.add(new BulkResult.Item(id, "SKIPPED", "message " + item.messageId() + " is retried once"));
				} else if (dryRun) {
					ValidationReport report = validate(id, null);
					items.add(new BulkResult.Item(id, report.valid() ? "WOULD_APPLY" : "WOULD_FAIL",
							report.valid() ? report.records() + " record(s) map cleanly" : report.problems().get(0)));
				} else {
					Ingestion.Result result = resubmit(id, null, actor);
					items.add(new BulkResult.Item(id, result.problems().isEmpty() ? "RESUBMITTED" : "FAILED",
							"message " + result.messageId() + (result.problems().isEmpty() ? " applied"
									: ": " + result.problems().get(0))));
				}
			} catch (SQLException | IOException | MappingCompileException | RuntimeException e) {
				items.add(new BulkResult.Item(id, "FAILED", e.getMessage()));
			}
		}
		return new BulkResult(dryRun, items);
	}
}
