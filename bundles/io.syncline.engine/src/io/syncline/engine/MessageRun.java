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

import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingRunner;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.MessageJournal;
import io.syncline.store.RetryQueue;
import io.syncline.store.Store;

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
	final long message;
	final String sourceName;
	final byte[] payload;
	final Integer requestedVersion;
	final Map<String, Long> outcomes = new TreeMap<>();
	final List<String> problems = new ArrayList<>();
	long records;
	long applied;
	/** Records that met a failure that may pass, and records held back behind their key. */
	long waiting;
	Integer usedVersion;

	MessageRun(Store store, ExceptionQueue exceptions, String tenantId, MappingSource mappings, RetryPolicy policy,
			Connection shared, long message, String sourceName, byte[] payload, Integer requestedVersion) {
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
		if (shared == null) {
			return store.inTransaction(work);
		}
		Savepoint savepoint = shared.setSavepoint();
		try {
			T result = work.run(shared);
			shared.releaseSavepoint(savepoint);
			return result;
		} catch (SQLException | RuntimeException e) {
			shared.rollback(savepoint);
			throw e;
		}
	}

	void fail(String kind, String location, String detail) throws SQLException {
		transact(connection -> exceptions.open(connection, tenantId, message, kind, null, location, detail));
		problems.add(location + ": " + detail);
		outcomes.merge(kind, 1L, Long::sum);
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
		List<MapOutcome> mapped = new ArrayList<>();
		MappingRunner.run(mapping.mapping(), sourceName, payload, mapped::add);
		RetryQueue.Waiting pending = keyOf == null ? new RetryQueue.Waiting(Set.of(), Set.of())
				: transact(connection -> retries.waiting(connection, tenantId, message));
		Set<String> blocked = new HashSet<>(pending.blocked());
		Set<String> own = pending.own();
		int index = 0;
		for (MapOutcome outcome : mapped) {
			int position = index++;
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
							"tried to apply " + key + ": " + e.getMessage(), this::nextTry));
					blocked.add(key);
					result = "RETRY";
					waiting++;
				}
			}
			if (outcome.failed()) {
				outcome.problems().forEach(problem -> problems.add(problem.describe()));
			} else if (!result.equals("PARKED") && !result.equals("RETRY")) {
				applied++;
			}
			outcomes.merge(result, 1L, Long::sum);
		}
		return mapped.size();
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
				: OffsetDateTime.now().plus(policy.delayAfter(attempts, ThreadLocalRandom.current()::nextDouble));
	}
}
