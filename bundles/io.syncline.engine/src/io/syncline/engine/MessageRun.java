package io.syncline.engine;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.emf.ecore.EObject;

import io.syncline.store.StoreTime;
import io.syncline.formats.CountingInputStream;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingRunner;
import io.syncline.store.Checkpoints;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.MessageJournal;
import io.syncline.store.RetryQueue;
import io.syncline.store.Store;
import io.syncline.store.UncheckedSqlException;

/**
 * The processing of one message: mapping it record by record, applying each record alone (its own transaction,
 * or a savepoint inside a batch), and what came of it: outcomes, located problems, the mapping version that ran.
 */
final class MessageRun {

	/**
	 * The business key whose records must apply in order (a position, an order, a PO), or null for records that
	 * stand alone.
	 */
	@FunctionalInterface
	interface KeyOf {
		String of(EObject record);
	}

	/** Applies one mapped record; returns its outcome (APPLIED, DUPLICATE, PRICE_CHANGE …). */
	@FunctionalInterface
	interface Step {
		String apply(Connection connection, int index, EObject record) throws SQLException;
	}

	private final Store store;
	private final ExceptionQueue exceptions;
	private final String tenantId;
	private final MappingSource mappings;
	private final RetryQueue retries = new RetryQueue();
	private final RetryPolicy policy;
	final Connection shared;
	/** The transaction of the chunk being applied, for a document applied in chunks. */
	private Connection chunk;
	final long message;
	final String sourceName;
	final Payload payload;
	final Integer requestedVersion;
	private final ChunkSettings chunks;
	final Map<String, Long> outcomes = new TreeMap<>();
	final List<String> problems = new ArrayList<>();
	long records;
	long applied;
	/** Records that met a failure that may pass, and records held back behind their key. */
	long waiting;
	Integer usedVersion;
	/** The record being applied, counted from 1 (0 before the first), for an error that must say where it was. */
	volatile long atRecord;

	MessageRun(Store store, ExceptionQueue exceptions, String tenantId, MappingSource mappings, RetryPolicy policy,
			Connection shared, long message, String sourceName, Payload payload, Integer requestedVersion,
			ChunkSettings chunks) {
		this.store = store;
		this.policy = policy;
		this.exceptions = exceptions;
		this.tenantId = tenantId;
		this.mappings = mappings;
		this.shared = shared;
		this.message = message;
		this.sourceName = sourceName;
		this.payload = payload;
		this.requestedVersion = requestedVersion;
		this.chunks = chunks;
	}

	/** Maps with the route's own mapping (in the requested version) and applies each record. */
	void apply(String mappingName, Step step) throws IOException, SQLException, MappingCompileException {
		apply(mappingName, null, step);
	}

	/** As {@link #apply(String, Step)}, keeping the records of each business key in order (see {@link KeyOf}). */
	void apply(String mappingName, KeyOf keyOf, Step step) throws IOException, SQLException, MappingCompileException {
		MappingSource.Resolved mapping = mappings.resolve(mappingName, requestedVersion);
		usedVersion = mapping.version();
		records = applyRecords(mapping, keyOf, step);
	}

	/** A further mapping of the same document (the cross-reference beside the item master), current version. */
	void applySecondary(String mappingName, Step step) throws IOException, SQLException, MappingCompileException {
		applyRecords(mappings.resolve(mappingName, null), null, step);
	}

	/**
	 * One unit of work that applies or fails alone: its own transaction, or inside a batch a savepoint that is
	 * rolled back if it fails, so the records before and after it stay.
	 */
	<T> T transact(Store.Work<T> work) throws SQLException {
		Connection within = shared != null ? shared : chunk;
		if (within == null) {
			return store.inTransaction(work);
		}
		Savepoint savepoint = within.setSavepoint();
		try {
			T result = work.run(within);
			within.releaseSavepoint(savepoint);
			return result;
		} catch (SQLException | RuntimeException e) {
			within.rollback(savepoint);
			throw e;
		}
	}

	void fail(String kind, String location, String detail) throws SQLException {
		transact(connection -> exceptions.open(connection, tenantId, message, kind, null, location, detail));
		problem(location + ": " + detail);
		outcomes.merge(kind, 1L, Long::sum);
	}

	/** Problems kept for the result; past {@link #PROBLEMS_KEPT}, only counted (each is in the exception queue). */
	private static final int PROBLEMS_KEPT = 1000;
	private long problemsNotKept;

	void problem(String described) {
		if (problems.size() < PROBLEMS_KEPT) {
			problems.add(described);
		} else if (problemsNotKept++ == 0) {
			problems.add("… more problems: see the exception queue");
		}
	}

	MessageJournal.Status status() {
		if (waiting > 0) {
			return MessageJournal.Status.PARKED;
		}
		if (problems.isEmpty()) {
			return MessageJournal.Status.APPLIED;
		}
		return applied > 0 ? MessageJournal.Status.PARTIAL : MessageJournal.Status.FAILED;
	}

	/**
	 * Maps the document and applies each record on its own; mapping failures become located exceptions. A record
	 * whose key waits behind an earlier message's retry is held back (PARKED); a record that meets a failure that
	 * may pass (a lock, a lost connection) is scheduled to be tried again (RETRY) and its key waits until then.
	 */
	private long applyRecords(MappingSource.Resolved mapping, KeyOf keyOf, Step step) throws IOException, SQLException {
		RetryQueue.Waiting pending = keyOf == null ? new RetryQueue.Waiting(Set.of(), Set.of())
				: transact(connection -> retries.waiting(connection, tenantId, message));
		RecordSteps steps = new RecordSteps(keyOf, step, new HashSet<>(pending.blocked()), pending.own());
		if (payload.streamed()) {
			return applyInChunks(mapping, steps);
		}
		// each record applies as it is mapped, in its own transaction (or savepoint): one path, held or not
		long[] index = { 0 };
		try {
			MappingRunner.run(mapping.mapping(), sourceName, payload.bytes(), outcome -> {
				try {
					steps.handle(outcome, index[0]++);
				} catch (SQLException e) {
					throw new UncheckedSqlException(e);
				}
			});
		} catch (UncheckedSqlException e) {
			throw e.sql();
		}
		return index[0];
	}

	/**
	 * A large document: mapped as a stream, and applied in transactions of {@link ChunkSettings#records()} records
	 * that each commit the message's checkpoint with their effects. A resumed message skips the records its
	 * checkpoint says are done, so none is applied twice and none is skipped.
	 */
	private long applyInChunks(MappingSource.Resolved mapping, RecordSteps steps) throws IOException, SQLException {
		Checkpoints journal = new Checkpoints(store);
		long resumeAt = journal.checkpointOf(tenantId, message).records() - passesBefore;
		List<MapOutcome> buffer = new ArrayList<>(chunks.records());
		long[] seen = { 0 };
		try (CountingInputStream in = new CountingInputStream(payload.open())) {
			Runnable flush = () -> {
				long done = seen[0];
				long firstIndex = done - buffer.size();
				try {
					store.inTransaction(connection -> {
						chunk = connection;
						try {
							for (int i = 0; i < buffer.size(); i++) {
								steps.handle(buffer.get(i), firstIndex + i);
							}
							journal.checkpoint(connection, tenantId, message, passesBefore + done, in.count());
						} finally {
							chunk = null;
						}
						return null;
					});
				} catch (SQLException e) {
					throw new UncheckedSqlException(e); // out of the mapping's sink, thrown again below
				}
				buffer.clear();
				chunks.listener().progress(message, sourceName, passesBefore + done, in.count(), payload.size());
			};
			try {
				MappingRunner.run(mapping.mapping(), sourceName, in, outcome -> {
					if (seen[0]++ < resumeAt) {
						outcomes.merge("DONE_BEFORE_RESUME", 1L, Long::sum);
						return; // applied, with its checkpoint, before the stop
					}
					buffer.add(outcome);
					if (buffer.size() == chunks.records()) {
						flush.run();
					}
				});
				if (!buffer.isEmpty()) {
					flush.run();
				}
			} catch (UncheckedSqlException e) {
				throw e.sql();
			}
		}
		passesBefore += seen[0];
		return seen[0];
	}

	/**
	 * Records of the passes over this document already made (the item master, then its cross-reference), so one
	 * checkpoint counts through all of them.
	 */
	private long passesBefore;

	/** How one record is applied: parked behind its key, applied alone, or scheduled to be tried again. */
	private final class RecordSteps {
		private final KeyOf keyOf;
		private final Step step;
		private final Set<String> blocked;
		private final Set<String> own;

		RecordSteps(KeyOf keyOf, Step step, Set<String> blocked, Set<String> own) {
			this.keyOf = keyOf;
			this.step = step;
			this.blocked = blocked;
			this.own = own;
		}

		void handle(MapOutcome outcome, long index) throws SQLException {
			atRecord = index + 1;
			int position = (int) Math.min(index, Integer.MAX_VALUE);
			String key = keyOf == null || outcome.failed() || outcome.filtered() ? null
					: keyOf.of((EObject) outcome.output());
			String at = outcome.record() == null ? sourceName : outcome.record().describe();
			String result;
			if (key != null && blocked.contains(key)) {
				transact(connection -> {
					retries.park(connection, tenantId, message, key, at);
					return null;
				});
				result = "PARKED";
				waiting++;
			} else {
				try {
					String settles = key != null && own.contains(key) ? key : null;
					result = transact(connection -> applyOne(connection, outcome, position, settles, step));
				} catch (SQLException e) {
					if (key == null || !RetryPolicy.isTransient(e)) {
						throw e;
					}
					transact(connection -> retries.failed(connection, tenantId, message, key, at,
							"tried to apply " + key + ": " + e.getMessage(), MessageRun.this::nextTry));
					blocked.add(key);
					result = "RETRY";
					waiting++;
				}
			}
			if (outcome.failed()) {
				outcome.problems().forEach(problem -> problem(problem.describe()));
			} else if (!result.equals("PARKED") && !result.equals("RETRY")) {
				applied++;
			}
			outcomes.merge(result, 1L, Long::sum);
		}
	}

	/** Applies one record; {@code settles} names the key whose own waiting exceptions it resolves, if any. */
	private String applyOne(Connection connection, MapOutcome outcome, int position, String settles, Step step)
			throws SQLException {
		if (outcome.failed()) {
			for (var problem : outcome.problems()) {
				exceptions.open(connection, tenantId, message, "MAPPING_ERROR", null, problem.location().describe(),
						problem.message());
			}
			return "MAPPING_ERROR";
		}
		if (outcome.filtered()) {
			return "FILTERED";
		}
		String result = step.apply(connection, position, (EObject) outcome.output());
		if (settles != null) {
			retries.settled(connection, tenantId, message, settles);
		}
		return result;
	}

	/** When to try again after {@code attempts} failed attempts; null once the policy gives up. */
	private OffsetDateTime nextTry(int attempts) {
		return policy.exhausted(attempts) ? null
				: StoreTime.now().plus(policy.delayAfter(attempts, ThreadLocalRandom.current()::nextDouble));
	}
}
