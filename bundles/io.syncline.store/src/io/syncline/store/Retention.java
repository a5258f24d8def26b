package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Purges what a tenant's {@link RetentionPolicy} no longer keeps, in batches of a few hundred rows, each its own
 * short transaction, with a pause between them (at least nine times the batch's own time) so the pipeline's
 * transactions pass first. A run that removed
 * something is kept in {@code retention_runs} and audited; from those, a purged message or exception is told as
 * purged, and when. Open exceptions, and the messages they point at, are never purged.
 */
public final class Retention {

	/** After a batch, the purge waits this many times as long as the batch took (when it pauses at all). */
	private static final long YIELD_FACTOR = 9;

	/** Rows a batch reads at most. */
	public static final int DEFAULT_BATCH = 200;

	/** What one run removed, by kind; payload bytes are the original sizes of the payloads emptied. */
	public record Removed(long payloads, long payloadBytes, long messages, long exceptions, long idempotencyKeys,
			long auditRows, long otherRows) {

		public long rows() {
			return messages + exceptions + idempotencyKeys + auditRows + otherRows;
		}

		public boolean any() {
			return payloads > 0 || rows() > 0;
		}

		/** What was removed, for a person: only the kinds that were. */
		public String describe() {
			StringBuilder text = new StringBuilder();
			part(text, payloads, "payloads (" + String.format("%.1f MB", payloadBytes / 1e6) + ")");
			part(text, messages, "journal rows");
			part(text, exceptions, "closed exceptions");
			part(text, idempotencyKeys, "idempotency keys");
			part(text, auditRows, "audit rows");
			part(text, otherRows, "other rows");
			return text.length() == 0 ? "nothing" : text.toString();
		}

		private static void part(StringBuilder text, long count, String what) {
			if (count > 0) {
				text.append(text.length() == 0 ? "" : ", ").append(String.format("%,d", count)).append(' ')
						.append(what);
			}
		}
	}

	/** A run kept in the store. */
	public record Run(long id, OffsetDateTime startedAt, OffsetDateTime finishedAt, Removed removed,
			long maxMessageId, long maxExceptionId, OffsetDateTime journalBefore) {
	}

	private final Store store;
	private final int batchSize;
	private final Duration pause;
	private Runnable afterEachBatch = () -> {
	};
	private java.util.function.BooleanSupplier stopWhen = () -> false;

	/** A purge in batches of {@code batchSize} rows with {@code pause} between them (zero in tests and benches). */
	public Retention(Store store, int batchSize, Duration pause) {
		this.store = store;
		this.batchSize = batchSize;
		this.pause = pause;
	}

	/** Runs after every batch committed: a watch that the purge moves on, however long it runs. */
	public Retention afterEachBatch(Runnable hook) {
		this.afterEachBatch = hook;
		return this;
	}

	/**
	 * Stops a run between two batches once this says so (a stop of the runtime); what it did is committed and the
	 * next run goes on from there. Never by interrupting: an interrupt inside a statement can close H2's file.
	 */
	public Retention stopWhen(java.util.function.BooleanSupplier stop) {
		this.stopWhen = stop;
		return this;
	}

	/**
	 * Purges, as of {@code now}, what the policy no longer keeps for the tenant, until done or told to
	 * stop ({@link #stopWhen}). Returns the run, kept in the store if it removed anything.
	 */
	public Run purge(String tenantId, RetentionPolicy policy, OffsetDateTime now) throws SQLException {
		OffsetDateTime startedAt = StoreTime.now();
		RetentionSweeps sweeps = new RetentionSweeps(batchSize);
		Counter payloads = new Counter();
		Counter journal = new Counter();
		Counter exceptions = new Counter();
		Counter keys = new Counter();
		Counter audit = new Counter();
		Counter other = new Counter();
		OffsetDateTime payloadsBefore = RetentionPolicy.cutoff(policy.payloads(), now);
		OffsetDateTime journalBefore = RetentionPolicy.cutoff(policy.journal(), now);
		OffsetDateTime exceptionsBefore = RetentionPolicy.cutoff(policy.exceptions(), now);
		OffsetDateTime keysBefore = RetentionPolicy.cutoff(policy.idempotencyKeys(), now);
		OffsetDateTime auditBefore = RetentionPolicy.cutoff(policy.audit(), now);
		if (payloadsBefore != null) {
			repeat(payloads, c -> sweeps.payloads(c, tenantId, payloadsBefore, now));
		}
		if (exceptionsBefore != null) {
			// exceptions before the journal: a message an exception kept goes with it when both are old enough
			repeat(exceptions, c -> sweeps.exceptions(c, tenantId, exceptionsBefore));
			for (String closed : new String[] { "RESOLVED", "IGNORED" }) {
				long[] after = { 0 };
				repeat(exceptions, c -> {
					RetentionSweeps.Batch batch = sweeps.exceptionsLeftBehind(c, tenantId, closed, exceptionsBefore,
							after[0]);
					after[0] = Math.max(after[0], batch.maxId());
					return batch;
				});
			}
		}
		if (journalBefore != null) {
			repeat(journal, c -> sweeps.journal(c, tenantId, journalBefore));
			repeat(other, c -> sweeps.atpHistory(c, tenantId, journalBefore));
			other.removed += store.inTransaction(c -> sweeps.inboxClaims(c, tenantId, journalBefore));
		}
		if (keysBefore != null && keysPassDue(tenantId, now)) {
			String[] last = { "" };
			if (repeat(keys, c -> sweeps.idempotencyKeys(c, tenantId, keysBefore, last[0], last))) {
				store.inTransaction(c -> {
					RetentionCursors.save(c, tenantId, KEYS_PASS, now.toEpochSecond());
					return null;
				});
			}
		}
		if (auditBefore != null) {
			repeat(audit, c -> sweeps.audit(c, tenantId, auditBefore));
		}
		Removed removed = new Removed(payloads.removed, payloads.bytes, journal.removed + sweeps.purgedLater,
				exceptions.removed, keys.removed, audit.removed, other.removed);
		OffsetDateTime finishedAt = StoreTime.now();
		long maxMessage = Math.max(journal.maxId, 0);
		Run run = new Run(0, startedAt, finishedAt, removed, maxMessage, exceptions.maxId, journalBefore);
		return removed.any() ? record(tenantId, run, policy) : run;
	}

	/** The tenant's latest run that removed something. */
	public Optional<Run> lastRun(String tenantId) throws SQLException {
		return store.read(connection -> {
			try (PreparedStatement query = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM retention_runs "
					+ "WHERE tenant_id = ? ORDER BY id DESC")) {
				query.setMaxRows(1);
				query.setString(1, tenantId);
				return one(query);
			}
		});
	}

	/** The oldest receipt a journal purge of the tenant cut at: older journal rows are gone. */
	public Optional<OffsetDateTime> journalPurgedBefore(String tenantId) throws SQLException {
		return store.read(connection -> {
			try (PreparedStatement query = connection.prepareStatement("SELECT MAX(journal_before) FROM retention_runs "
					+ "WHERE tenant_id = ? AND messages > 0")) {
				query.setString(1, tenantId);
				try (ResultSet row = query.executeQuery()) {
					return row.next() ? Optional.ofNullable(row.getObject(1, OffsetDateTime.class)) : Optional.empty();
				}
			}
		});
	}

	/** A message not found: told as purged, and when, if a run of the tenant purged past its id. */
	static NotFoundException missingMessage(Connection connection, String tenantId, long id) throws SQLException {
		return missing(connection, tenantId, "max_message_id", id, "message " + id,
				"journal rows are kept as long as rule " + RetentionPolicy.JOURNAL + " says");
	}

	/** An exception not found: told as purged, and when, if a run of the tenant purged past its id. */
	static NotFoundException missingException(Connection connection, String tenantId, long id) throws SQLException {
		return missing(connection, tenantId, "max_exception_id", id, "exception " + id,
				"closed exceptions are kept as long as rule " + RetentionPolicy.EXCEPTIONS + " says");
	}

	private static NotFoundException missing(Connection connection, String tenantId, String column, long id,
			String what, String rule) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM retention_runs "
				+ "WHERE tenant_id = ? AND " + column + " >= ? ORDER BY id")) {
			query.setMaxRows(1);
			query.setString(1, tenantId);
			query.setLong(2, id);
			Optional<Run> run = one(query);
			if (run.isPresent()) {
				return new NotFoundException(what + " was purged on " + run.get().finishedAt().toLocalDate()
						+ " by the tenant's retention policy (" + rule + ")");
			}
		}
		return new NotFoundException("no " + what + " for tenant " + tenantId);
	}

	private static final String RUN_COLUMNS = "id, started_at, finished_at, payloads, payload_bytes, messages, "
			+ "exceptions, idempotency_keys, audit_rows, other_rows, max_message_id, max_exception_id, journal_before";

	private static Optional<Run> one(PreparedStatement query) throws SQLException {
		try (ResultSet row = query.executeQuery()) {
			if (!row.next()) {
				return Optional.empty();
			}
			return Optional.of(new Run(row.getLong(1), row.getObject(2, OffsetDateTime.class),
					row.getObject(3, OffsetDateTime.class), new Removed(row.getLong(4), row.getLong(5), row.getLong(6),
							row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10)),
					row.getLong(11), row.getLong(12), row.getObject(13, OffsetDateTime.class)));
		}
	}

	private Run record(String tenantId, Run run, RetentionPolicy policy) throws SQLException {
		return store.inTransaction(connection -> {
			long id;
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO retention_runs (tenant_id, "
					+ "started_at, finished_at, payloads, payload_bytes, messages, exceptions, idempotency_keys, "
					+ "audit_rows, other_rows, max_message_id, max_exception_id, journal_before) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
				Removed removed = run.removed();
				insert.setString(1, tenantId);
				insert.setObject(2, run.startedAt());
				insert.setObject(3, run.finishedAt());
				insert.setLong(4, removed.payloads());
				insert.setLong(5, removed.payloadBytes());
				insert.setLong(6, removed.messages());
				insert.setLong(7, removed.exceptions());
				insert.setLong(8, removed.idempotencyKeys());
				insert.setLong(9, removed.auditRows());
				insert.setLong(10, removed.otherRows());
				insert.setLong(11, run.maxMessageId());
				insert.setLong(12, run.maxExceptionId());
				insert.setObject(13, run.journalBefore());
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					keys.next();
					id = keys.getLong(1);
				}
			}
			Removed r = run.removed();
			new AuditLog().append(connection, tenantId, "runtime", "retention-purge", "retention/run-" + id, null,
					"{\"payloads\":" + r.payloads() + ",\"payloadBytes\":" + r.payloadBytes() + ",\"messages\":"
							+ r.messages() + ",\"exceptions\":" + r.exceptions() + ",\"idempotencyKeys\":"
							+ r.idempotencyKeys() + ",\"auditRows\":" + r.auditRows() + ",\"otherRows\":"
							+ r.otherRows() + "}",
					"retention policy " + policy.asRules());
			return new Run(id, run.startedAt(), run.finishedAt(), r, run.maxMessageId(), run.maxExceptionId(),
					run.journalBefore());
		});
	}

	/** One kind's totals over a run. */
	private static final class Counter {
		long removed;
		long bytes;
		long maxId;
	}

	@FunctionalInterface
	private interface BatchWork {
		RetentionSweeps.Batch run(Connection connection) throws SQLException;
	}

	/**
	 * Idempotency keys carry no order by age, so a pass reads them all: at most one a day, which a period of months
	 * does not notice, rather than one an hour over millions of keys.
	 */
	private boolean keysPassDue(String tenantId, OffsetDateTime now) throws SQLException {
		long last = store.read(c -> RetentionCursors.last(c, tenantId, KEYS_PASS));
		return now.toEpochSecond() - last >= KEYS_PASS_EVERY.toSeconds();
	}

	private static final String KEYS_PASS = "idempotency_pass";
	private static final Duration KEYS_PASS_EVERY = Duration.ofDays(1);

	/** Runs batches until the kind is done (true) or a stop is asked (false). */
	private boolean repeat(Counter counter, BatchWork work) throws SQLException {
		while (!stopWhen.getAsBoolean()) {
			long start = System.nanoTime();
			RetentionSweeps.Batch batch = store.inTransaction(work::run);
			long took = System.nanoTime() - start;
			counter.removed += batch.removed();
			counter.bytes += batch.bytes();
			counter.maxId = Math.max(counter.maxId, batch.maxId());
			afterEachBatch.run();
			if (batch.done()) {
				return true;
			}
			if (!pause.isZero()) {
				try {
					// a tenth of the time in batches at most: at 12 msg/s a purge has ~50 rows a second to remove,
					// so it can leave nine tenths of the database to the pipeline and still keep up many times over
					Thread.sleep(Math.max(pause.toMillis(), took * YIELD_FACTOR / 1_000_000));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return false;
	}
}
