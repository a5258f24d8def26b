package io.syncline.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import io.syncline.store.StoreTime;
import io.syncline.mapping.MappingCompileException;
import io.syncline.store.Checkpoints;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalEntry;
import io.syncline.store.JournalSearch;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/**
 * One document from a partner through the pipeline: journaled first (so nothing is lost), then read and mapped
 * record by record with the partner's mapping, then applied by the workflow. A record that cannot be read or mapped
 * opens a MAPPING_ERROR exception with its location, and the others go on; a document without a route opens a
 * NO_ROUTE exception. The journal row ends APPLIED, PARTIAL or FAILED with the mapping version used. Routes so far:
 * the ERP item master and purchase orders, supplier catalogs (Bolt & Co CSV, Cascade JSON, Acme 832), Acme's 846,
 * 855, 856 and 810, shop orders, the BigBox 850, and the WMS snapshot and events.
 */
public final class Ingestion {

	public record Result(String file, String partner, String documentType, long messageId, long records,
			Map<String, Long> outcomes, List<String> problems, String status, Integer mappingVersion) {
	}

	private final Store store;
	private final MappingSource mappings;
	private final String tenantId;
	private final ExceptionQueue exceptions;
	private final MessageJournal journal;
	private final Outbound outbound;
	private final StockEventBatch stockEvents;
	private final PartnerDirectory partners;
	private final Workflows workflows;


	public Ingestion(Store store, Path mappings, String tenantId, BigDecimal priceTolerancePercent) {
		this(store, new DirectoryMappings(mappings), tenantId, priceTolerancePercent, null);
	}

	/** With an outbox, documents owed to partners (the 855 answering an EDI order, 997s) are written there. */
	public Ingestion(Store store, Path mappings, String tenantId, BigDecimal priceTolerancePercent, Path outbox) {
		this(store, new DirectoryMappings(mappings), tenantId, priceTolerancePercent, outbox);
	}

	public Ingestion(Store store, MappingSource mappings, String tenantId, BigDecimal priceTolerancePercent,
			Path outbox) {
		this.partners = new PartnerDirectory(store, tenantId);
		this.outbound = outbox == null ? null : new Outbound(store, tenantId, mappings, partners, outbox);
		this.stockEvents = new StockEventBatch(store, tenantId, mappings);
		this.store = store;
		this.mappings = mappings;
		this.tenantId = tenantId;
		this.exceptions = new ExceptionQueue(store);
		this.journal = new MessageJournal(store);
		this.workflows = new Workflows(store, tenantId, mappings, priceTolerancePercent, partners, outbound, journal,
				exceptions);
	}

	/**
	 * Journals and processes a file. One of {@link #streamFrom()} bytes or more is never held whole: it is journaled
	 * as a stream, then read back from the journal, mapped as a stream and applied in chunks with checkpoints.
	 */
	public Result ingest(String partner, Path file) throws IOException, SQLException, MappingCompileException {
		return ingest(partner, null, file.getFileName().toString(), file, Map.of());
	}

	/**
	 * As {@link #ingest(String, Path)}, under the name {@code name}, with a document type (null: told) and
	 * business keys known before (the inbox claim that brought it).
	 */
	public Result ingest(String partner, String documentType, String name, Path file, Map<String, String> keys)
			throws IOException, SQLException {
		if (Files.size(file) < streamFrom) {
			return submit(partner, documentType, name, Files.readAllBytes(file), null, null, keys);
		}
		String type = documentType;
		if (type == null) {
			try (java.io.InputStream head = Files.newInputStream(file)) {
				type = partners.documentType(partner, name, head.readNBytes(HEAD_BYTES));
			}
		}
		long message;
		try (java.io.InputStream in = Files.newInputStream(file)) {
			message = journal.appendStreamed(new JournalEntry(tenantId, partner, partners.flowOf(partner, type), "IN",
					type, name, null, StoreTime.now(), keys), in, null);
		}
		return process(null, message, partner, type, name, journaled(message, name), null, true);
	}

	/**
	 * Journals a file without processing it (status RECEIVED), as a stream whatever its size: a file that is to be
	 * set aside, not run. Returns its message id.
	 */
	public long journalOnly(String partner, String name, Path file, Map<String, String> keys) throws IOException,
			SQLException {
		String type;
		try (java.io.InputStream head = Files.newInputStream(file)) {
			type = partners.documentType(partner, name, head.readNBytes(HEAD_BYTES));
		}
		try (java.io.InputStream in = Files.newInputStream(file)) {
			return journal.appendStreamed(new JournalEntry(tenantId, partner, partners.flowOf(partner, type), "IN", type,
					name, null, StoreTime.now(), keys), in, null);
		}
	}

	/** A transport's claim of what it picked up, made in the transaction that journals it. */
	@FunctionalInterface
	public interface PickupClaim {
		/** Claims the pickup for the message; false when it was claimed before. */
		boolean claim(java.sql.Connection connection, long messageId) throws SQLException;
	}

	/**
	 * Journals a document a transport brought, as a stream whatever its size, with status RECEIVED, and claims its
	 * pickup in the same transaction. Returns the message's id, or empty when the pickup was claimed before: then
	 * nothing was journaled. Processing it is the caller's next step ({@link #resume(long)}), so the transport can
	 * answer (an MDN, a webhook's 200) once the document is kept.
	 */
	public java.util.OptionalLong receive(String partner, String name, java.io.InputStream source,
			Map<String, String> keys, PickupClaim claim) throws IOException, SQLException {
		java.io.BufferedInputStream in = new java.io.BufferedInputStream(source, HEAD_BYTES);
		in.mark(HEAD_BYTES);
		byte[] head = in.readNBytes(HEAD_BYTES);
		in.reset();
		String type = partners.documentType(partner, name, head);
		JournalEntry entry = new JournalEntry(tenantId, partner, partners.flowOf(partner, type), "IN", type, name, null,
				StoreTime.now(), keys);
		try {
			if (head.length < HEAD_BYTES) {
				// a document that fits its head is held and written in one row, as a submitted one is
				return java.util.OptionalLong.of(store.inTransaction(connection -> {
					long id = journal.append(connection, entry, head, null);
					if (!claim.claim(connection, id)) {
						throw new ClaimedBefore();
					}
					return id;
				}));
			}
			return java.util.OptionalLong.of(journal.appendStreamed(entry, in, null, (connection, id) -> {
				if (!claim.claim(connection, id)) {
					throw new ClaimedBefore();
				}
			}));
		} catch (ClaimedBefore e) {
			return java.util.OptionalLong.empty();
		}
	}

	/** Rolls back the journaling of a pickup claimed before. */
	private static final class ClaimedBefore extends RuntimeException {
		private static final long serialVersionUID = 1L;

		ClaimedBefore() {
			super("claimed before", null, false, false);
		}
	}

	/** What telling an X12 document's type reads of a large one: its first transaction set header is in it. */
	private static final int HEAD_BYTES = 64 * 1024;

	/** Files from this size on are streamed and applied in chunks; see {@link #ingest(String, Path)}. */
	public static final long STREAM_FROM = 4L << 20;

	private volatile long streamFrom = Long.getLong("syncline.streamFromBytes", STREAM_FROM);
	private volatile ChunkSettings chunks = ChunkSettings.standard(ProgressListener.NONE);

	public long streamFrom() {
		return streamFrom;
	}

	/** Streams files from {@code bytes} on (tests make small samples take the large-file path). */
	public void streamFrom(long bytes) {
		this.streamFrom = bytes;
	}

	/** Records per chunk of a large document, and who hears of its progress. */
	public void chunks(ChunkSettings settings) {
		this.chunks = settings;
	}

	/**
	 * Submits a journaled message's payload again, unchanged, as a new message that replaces it (after its cause
	 * was fixed: a larger heap, a new mapping version); a large payload is copied as a stream. The partner is not
	 * sent a second 997 for it: it sent the interchange once.
	 */
	public Result resubmit(long messageId, Integer mappingVersion) throws IOException, SQLException {
		MessageJournal.Message row = new JournalSearch(store).get(tenantId, messageId)
				.orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
		if (!journal.payloadInfo(tenantId, messageId).streamed()) {
			return submit(row.partnerId(), row.documentType(), row.sourceName(), journal.payload(tenantId, messageId),
					messageId, mappingVersion);
		}
		long message;
		try (java.io.InputStream in = journal.openPayload(tenantId, messageId)) {
			message = journal.appendStreamed(new JournalEntry(tenantId, row.partnerId(), row.flow(), "IN",
					row.documentType(), row.sourceName(), null, StoreTime.now(), Map.of()), in,
					messageId);
		}
		return process(null, message, row.partnerId(), row.documentType(), row.sourceName(),
				journaled(message, row.sourceName()), mappingVersion, false);
	}

	/** A journaled payload: streamed from the journal if it was stored in pieces, else held. */
	private Payload journaled(long message, String sourceName) throws SQLException {
		MessageJournal.PayloadInfo info = journal.payloadInfo(tenantId, message);
		return info.streamed()
				? Payload.streamed(sourceName, info.size(), () -> journal.openPayload(tenantId, message))
				: Payload.inMemory(sourceName, journal.payload(tenantId, message));
	}

	/**
	 * Journals and processes one document. {@code documentType} null: told by the name and, for X12, the first
	 * transaction set. {@code resubmitOf} links a corrected document to the message it replaces;
	 * {@code mappingVersion} null uses the mapping's current version.
	 */
	public Result submit(String partner, String documentType, String sourceName, byte[] payload, Long resubmitOf,
			Integer mappingVersion) throws IOException, SQLException {
		return submit(partner, documentType, sourceName, payload, resubmitOf, mappingVersion, Map.of());
	}

	/** As above, with business keys known before reading it (the inbox claim that brought the file). */
	public Result submit(String partner, String documentType, String sourceName, byte[] payload, Long resubmitOf,
			Integer mappingVersion, Map<String, String> keys) throws IOException, SQLException {
		String type = documentType != null ? documentType : partners.documentType(partner, sourceName, payload);
		long message = journal.append(new JournalEntry(tenantId, partner, partners.flowOf(partner, type), "IN", type, sourceName, null,
				StoreTime.now(), keys), payload, resubmitOf);
		// the partner's interchange was acknowledged when it came; a person's re-run of it is not news to the partner
		return process(null, message, partner, type, sourceName, Payload.inMemory(sourceName, payload),
				mappingVersion, resubmitOf == null);
	}

	/** A document for {@link #submitBatch(List)}. */
	public record Document(String partner, String documentType, String sourceName, byte[] payload,
			Map<String, String> keys) {
	}

	/**
	 * Journals and processes many documents in one transaction: one commit for all, which is what makes a busy
	 * flow fast on a real disk. Each record still applies or fails alone (a savepoint each), and each document ends
	 * with its own status; if the batch cannot commit, none of it happened and every document can be submitted
	 * again. Documents owed to partners (997s, 855s) are written as they are made.
	 */
	public List<Result> submitBatch(List<Document> documents) throws IOException, SQLException {
		List<Result> results;
		try {
			results = journalAndProcess(documents);
		} catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		}
		publishPending();
		return results;
	}

	/**
	 * Delivers outbound documents committed but not yet in the outbox (all of a batch, or those a stop left);
	 * returns how many.
	 */
	/** The tenant's partners and routes. */
	public PartnerDirectory partners() {
		return partners;
	}

	public int publishPending() throws IOException, SQLException {
		return outbound == null ? 0 : outbound.publishPending();
	}

	/**
	 * Confirms that (part of) a sales order left the warehouse: stock and order are updated, and an EDI customer's
	 * ship notice and invoice are made, all in one transaction, then delivered to its outbox.
	 */
	public ShipmentConfirmations.ShipmentMade ship(OrderFulfilment.Request request, String actor)
			throws IOException, SQLException {
		ShipmentConfirmations.ShipmentMade made = store.inTransaction(c -> workflows.shipments().ship(c, request, actor));
		publishPending();
		return made;
	}

	private List<Result> journalAndProcess(List<Document> documents) throws SQLException {
		return store.inTransaction(connection -> {
			List<JournalEntry> entries = new ArrayList<>();
			List<byte[]> payloads = new ArrayList<>();
			for (Document document : documents) {
				String type = document.documentType() != null ? document.documentType()
						: detect(document.partner(), document.sourceName(), document.payload());
				entries.add(new JournalEntry(tenantId, document.partner(), partners.flowOf(document.partner(), type),
						"IN", type, document.sourceName(), null, StoreTime.now(), document.keys()));
				payloads.add(document.payload());
			}
			try {
				List<Result> setWise = stockEvents.applyIfAllEvents(connection, entries, payloads, partners);
				if (setWise != null) {
					return setWise;
				}
				long[] ids = journal.appendAll(connection, entries, payloads);
				List<Result> results = new ArrayList<>();
				for (int i = 0; i < ids.length; i++) {
					JournalEntry entry = entries.get(i);
					results.add(process(connection, ids[i], entry.partnerId(), entry.documentType(),
							entry.sourceName(), Payload.inMemory(entry.sourceName(), payloads.get(i)), null, true));
				}
				return results;
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	private String detect(String partner, String sourceName, byte[] payload) {
		try {
			return partners.documentType(partner, sourceName, payload);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot read the partner configuration: " + e.getMessage(), e);
		}
	}

	/**
	 * Processes a message that was journaled but never finished, because the runtime stopped mid-way. Every
	 * workflow applies a record at most once (idempotency keys, event ids, order numbers), so records applied
	 * before the stop are not applied again.
	 */
	public Result resume(long messageId) throws IOException, SQLException {
		MessageJournal.Message row = new JournalSearch(store).get(tenantId, messageId)
				.orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
		return process(null, messageId, row.partnerId(), row.documentType(), row.sourceName(),
				journaled(messageId, row.sourceName()), row.mappingVersion(), true);
	}

	/** Processes a journaled message: in transactions of its own, or within the caller's ({@code shared}). */
	private Result process(Connection shared, long message, String partner, String type, String sourceName,
			Payload payload, Integer mappingVersion, boolean acknowledge) throws IOException, SQLException {
		MessageRun run = new MessageRun(store, exceptions, tenantId, mappings, RetryPolicy.standard(), shared, message,
				sourceName, payload, mappingVersion, chunks);
		try {
			workflows.apply(partner, type, run);
		} catch (IOException | MappingCompileException | RuntimeException e) {
			// the message is journaled; what stopped it is a person's to fix, so it goes to the exception queue
			run.fail("PROCESSING_ERROR", sourceName, e.getMessage() == null ? e.toString() : e.getMessage());
		} catch (Error fatal) {
			throw FatalProcessingError.of(fatal, run, new Checkpoints(store), tenantId);
		}
		if (acknowledge && outbound != null && RouteCatalog.isX12(sourceName)) {
			try (java.io.InputStream in = payload.open()) {
				run.outcomes.put("997_SENT", (long) outbound.acknowledgeGroups(run, partner, sourceName, in));
			}
		}
		if (outbound != null && shared == null) {
			outbound.publishPending();
		}
		MessageJournal.Status status = run.status();
		run.transact(connection -> {
			journal.finish(connection, tenantId, message, status, run.usedVersion);
			return null;
		});
		return new Result(sourceName, partner, type, message, run.records, run.outcomes, run.problems, status.name(),
				run.usedVersion);
	}
}
