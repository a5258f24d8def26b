package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One batch of each kind of purge, in the caller's transaction: what {@link Retention} repeats until a kind is done.
 * Every batch walks an index from where the last one stopped (a cursor kept in {@code retention_cursors}, committed
 * with the batch) and stops at the first row younger than the cutoff, so a run reads each row once and a batch
 * holds its locks for a few milliseconds. Rows a batch must keep (a message an exception still points at, one not
 * yet finished) are passed and left; a message kept for its exception is tried again when that exception goes.
 */
final class RetentionSweeps {

	/** What one batch did: rows removed, bytes of payload freed, and whether the kind has nothing older left. */
	record Batch(long removed, long bytes, long maxId, boolean done) {
	}

	private static final Set<String> FINISHED = Set.of("APPLIED", "SENT");
	/** Journal rows never purged whatever their age: work not finished, or waiting behind its key. */
	private static final Set<String> UNFINISHED = Set.of("RECEIVED", "PARKED");

	private final int batchSize;

	RetentionSweeps(int batchSize) {
		this.batchSize = batchSize;
	}

	/** A row met on a walk: its id, when it was made, and its state. */
	private record Walked(long id, OffsetDateTime at, String state, long size) {
	}

	/** Empties the payloads of finished messages received before {@code before}; the journal rows stay. */
	Batch payloads(Connection connection, String tenantId, OffsetDateTime before, OffsetDateTime now)
			throws SQLException {
		List<Walked> walked = walk(connection, tenantId, "payloads", "SELECT id, received_at, status, payload_size "
				+ "FROM messages WHERE tenant_id = ? AND id > ?");
		List<Long> candidates = new ArrayList<>();
		long bytes = 0;
		Walk walk = new Walk(walked, before, positions.get("payloads"));
		for (Walked row : walk.older) {
			if (FINISHED.contains(row.state)) {
				candidates.add(row.id);
			}
		}
		candidates.removeAll(referenced(connection, tenantId, candidates,
				"SELECT message_id FROM exceptions WHERE tenant_id = ? AND message_id = ? AND state IN ('OPEN', 'RETRYING')"));
		for (Walked row : walk.older) {
			if (candidates.contains(row.id)) {
				bytes += row.size;
			}
		}
		if (!candidates.isEmpty()) {
			try (PreparedStatement update = connection.prepareStatement("UPDATE messages SET payload_gzip = ?, "
					+ "payload_pieces = 0, payload_purged_at = ? WHERE tenant_id = ? AND id = ?")) {
				for (Long id : candidates) {
					update.setBytes(1, new byte[0]);
					update.setObject(2, now);
					update.setString(3, tenantId);
					update.setLong(4, id);
					update.addBatch();
				}
				update.executeBatch();
			}
			delete(connection, tenantId, "DELETE FROM message_payload_pieces WHERE tenant_id = ? AND message_id = ?",
					candidates);
		}
		return walk.advance(connection, tenantId, "payloads", candidates.size(), bytes, max(candidates));
	}

	/** Deletes finished journal rows received before {@code before}, with their keys, pieces and closed clocks. */
	Batch journal(Connection connection, String tenantId, OffsetDateTime before) throws SQLException {
		List<Walked> walked = walk(connection, tenantId, "journal",
				"SELECT id, received_at, status, 0 FROM messages WHERE tenant_id = ? AND id > ?");
		Walk walk = new Walk(walked, before, positions.get("journal"));
		List<Long> older = walk.older.stream().filter(row -> !UNFINISHED.contains(row.state)).map(Walked::id)
				.toList();
		long removed = deleteMessages(connection, tenantId, older);
		return walk.advance(connection, tenantId, "journal", removed, 0, max(older));
	}

	/**
	 * Deletes the messages that nothing still needs: no exception points at them, and no SLA clock that is open or
	 * breached starts with them. Returns how many went.
	 */
	long deleteMessages(Connection connection, String tenantId, List<Long> ids) throws SQLException {
		List<Long> free = new ArrayList<>(ids);
		free.removeAll(referenced(connection, tenantId, free,
				"SELECT message_id FROM exceptions WHERE tenant_id = ? AND message_id = ?"));
		free.removeAll(referenced(connection, tenantId, free, "SELECT start_message_id FROM sla_clocks WHERE "
				+ "tenant_id = ? AND start_message_id = ? AND (state = 'OPEN' OR exception_id IS NOT NULL)"));
		if (free.isEmpty()) {
			return 0;
		}
		delete(connection, tenantId, "DELETE FROM message_keys WHERE tenant_id = ? AND message_id = ?", free);
		delete(connection, tenantId, "DELETE FROM message_payload_pieces WHERE tenant_id = ? AND message_id = ?", free);
		delete(connection, tenantId, "DELETE FROM sla_clocks WHERE tenant_id = ? AND start_message_id = ?", free);
		delete(connection, tenantId,
				"UPDATE sla_clocks SET reply_message_id = NULL WHERE tenant_id = ? AND reply_message_id = ?", free);
		return delete(connection, tenantId, "DELETE FROM messages WHERE tenant_id = ? AND id = ?", free);
	}

	/** The closed exceptions last changed before {@code before}, walked oldest first. */
	Batch exceptions(Connection connection, String tenantId, OffsetDateTime before) throws SQLException {
		List<Walked> walked = walk(connection, tenantId, "exceptions",
				"SELECT id, created_at, state, 0 FROM exceptions WHERE tenant_id = ? AND id > ?");
		Walk walk = new Walk(walked, before, positions.get("exceptions"));
		List<Long> older = walk.older.stream().map(Walked::id).toList();
		long removed = deleteClosedExceptions(connection, tenantId, older, before);
		return walk.advance(connection, tenantId, "exceptions", removed, 0, max(older));
	}

	/**
	 * The closed exceptions a walk passed because they were still open or closed late, and that are now old enough
	 * to go: found on the state index below the cursor, where only such rows remain.
	 */
	Batch exceptionsLeftBehind(Connection connection, String tenantId, String state, OffsetDateTime before,
			long afterId) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT id FROM exceptions WHERE tenant_id = ? "
				+ "AND state = ? AND id > ? AND id <= ? AND updated_at < ? ORDER BY tenant_id, state, id FETCH FIRST "
				+ batchSize + " ROWS ONLY")) {
			query.setString(1, tenantId);
			query.setString(2, state);
			query.setLong(3, afterId);
			query.setLong(4, RetentionCursors.last(connection, tenantId, "exceptions"));
			query.setObject(5, before);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
			}
		}
		long removed = deleteClosedExceptions(connection, tenantId, ids, before);
		return new Batch(removed, 0, max(ids), ids.size() < batchSize);
	}

	private long deleteClosedExceptions(Connection connection, String tenantId, List<Long> ids, OffsetDateTime before)
			throws SQLException {
		if (ids.isEmpty()) {
			return 0;
		}
		List<Long> closed = new ArrayList<>();
		Set<Long> messages = new HashSet<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT message_id FROM exceptions WHERE "
				+ "tenant_id = ? AND id = ? AND state IN ('RESOLVED', 'IGNORED') AND updated_at < ?")) {
			query.setString(1, tenantId);
			query.setObject(3, before);
			for (Long id : ids) {
				query.setLong(2, id);
				try (ResultSet row = query.executeQuery()) {
					if (row.next()) {
						closed.add(id);
						long message = row.getLong(1);
						if (!row.wasNull()) {
							messages.add(message);
						}
					}
				}
			}
		}
		if (closed.isEmpty()) {
			return 0;
		}
		delete(connection, tenantId, "DELETE FROM exception_payloads WHERE tenant_id = ? AND exception_id = ?", closed);
		delete(connection, tenantId, "DELETE FROM sla_clocks WHERE tenant_id = ? AND exception_id = ?", closed);
		long removed = delete(connection, tenantId, "DELETE FROM exceptions WHERE tenant_id = ? AND id = ?", closed);
		deleteMessagesBefore(connection, tenantId, messages);
		return removed;
	}

	/** The messages the exceptions just purged kept, that the journal's walk passed: they may go now. */
	private void deleteMessagesBefore(Connection connection, String tenantId, Collection<Long> messages)
			throws SQLException {
		if (messages.isEmpty()) {
			return;
		}
		List<Long> passed = new ArrayList<>();
		long journalCursor = RetentionCursors.last(connection, tenantId, "journal");
		for (Long id : messages) {
			if (id <= journalCursor) {
				passed.add(id);
			}
		}
		passed.removeAll(referenced(connection, tenantId, passed, "SELECT id FROM messages WHERE tenant_id = ? AND id = ? "
				+ "AND status IN ('RECEIVED', 'PARKED')"));
		purgedLater += deleteMessages(connection, tenantId, passed);
	}

	/** Journal rows deleted because an exception that kept them went: counted by the run with the messages. */
	long purgedLater;

	/** Audit rows written before {@code before}, oldest first. */
	Batch audit(Connection connection, String tenantId, OffsetDateTime before) throws SQLException {
		List<Walked> walked = walk(connection, tenantId, "audit",
				"SELECT id, at, action, 0 FROM audit_log WHERE tenant_id = ? AND id > ?");
		Walk walk = new Walk(walked, before, positions.get("audit"));
		List<Long> older = walk.older.stream().map(Walked::id).toList();
		long removed = delete(connection, tenantId, "DELETE FROM audit_log WHERE tenant_id = ? AND id = ?", older);
		return walk.advance(connection, tenantId, "audit", removed, 0, max(older));
	}

	/**
	 * ATP history written before {@code before}: the causes an ATP explanation lists. Walked on the primary key
	 * across tenants (an index of the tenant's ids would cost every stock change a write), keeping this tenant's.
	 */
	Batch atpHistory(Connection connection, String tenantId, OffsetDateTime before) throws SQLException {
		List<Walked> walked = walk(connection, tenantId, "atp_history", "SELECT id, at, tenant_id, 0 FROM atp_history "
				+ "WHERE id > ? ORDER BY id FETCH FIRST " + batchSize + " ROWS ONLY", false);
		Walk walk = new Walk(walked, before, positions.get("atp_history"));
		List<Long> older = walk.older.stream().filter(row -> row.state.equals(tenantId)).map(Walked::id).toList();
		long removed = delete(connection, tenantId, "DELETE FROM atp_history WHERE tenant_id = ? AND id = ?", older);
		return walk.advance(connection, tenantId, "atp_history", removed, 0, max(older));
	}

	/**
	 * Idempotency keys claimed before {@code before}, one page of the key index after {@code afterKey}: they carry
	 * no time order, so every run reads them all once, a page a batch. Returns the last key read in {@code last}.
	 */
	Batch idempotencyKeys(Connection connection, String tenantId, OffsetDateTime before, String afterKey,
			String[] last) throws SQLException {
		List<String> old = new ArrayList<>();
		int read = 0;
		try (PreparedStatement query = connection.prepareStatement("SELECT key_value, created_at FROM idempotency_keys "
				+ "WHERE tenant_id = ? AND key_value > ? ORDER BY tenant_id, key_value FETCH FIRST " + batchSize * 4
				+ " ROWS ONLY")) {
			query.setString(1, tenantId);
			query.setString(2, afterKey);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					read++;
					last[0] = rows.getString(1);
					if (rows.getObject(2, OffsetDateTime.class).isBefore(before)) {
						old.add(rows.getString(1));
					}
				}
			}
		}
		long removed = 0;
		if (!old.isEmpty()) {
			try (PreparedStatement delete = connection.prepareStatement(
					"DELETE FROM idempotency_keys WHERE tenant_id = ? AND key_value = ?")) {
				for (String key : old) {
					delete.setString(1, tenantId);
					delete.setString(2, key);
					delete.addBatch();
				}
				for (int count : delete.executeBatch()) {
					removed += Math.max(count, 0);
				}
			}
		}
		return new Batch(removed, 0, 0, read < batchSize * 4);
	}

	/** Abandoned inbox claims last abandoned before {@code before}; a small table, in one statement. */
	long inboxClaims(Connection connection, String tenantId, OffsetDateTime before) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM inbox_claims WHERE tenant_id = ? AND last_abandoned_at < ?")) {
			delete.setString(1, tenantId);
			delete.setObject(2, before);
			return delete.executeUpdate();
		}
	}

	/**
	 * Where a kind's walk is in this run, and whether it met a row younger than the cutoff: the saved cursor stops
	 * before the first such row, so a row written with a clock ahead of the others is looked at again by later
	 * runs instead of holding every older row back (the walk itself goes on past it).
	 */
	private static final class Position {
		long from = -1;
		boolean blocked;
	}

	private final java.util.Map<String, Position> positions = new java.util.HashMap<>();

	/** The rows of a batch older than the cutoff, whether the kind is done for this run, and the cursor to save. */
	private final class Walk {
		final List<Walked> older = new ArrayList<>();
		final boolean done;
		final long passedUpTo;

		Walk(List<Walked> walked, OffsetDateTime before, Position position) {
			long passed = -1;
			boolean lastOld = false;
			for (Walked row : walked) {
				boolean old = row.at.isBefore(before);
				lastOld = old;
				if (old) {
					older.add(row);
				} else {
					position.blocked = true;
				}
				if (!position.blocked) {
					passed = row.id;
				}
				position.from = row.id;
			}
			// the walk has reached the present when the batch ends in a row younger than the cutoff
			this.done = walked.size() < batchSize || !lastOld;
			this.passedUpTo = passed;
		}

		Batch advance(Connection connection, String tenantId, String kind, long removed, long bytes, long maxId)
				throws SQLException {
			if (passedUpTo >= 0) {
				RetentionCursors.save(connection, tenantId, kind, passedUpTo);
			}
			return new Batch(removed, bytes, maxId, done);
		}
	}

	private Position position(Connection connection, String tenantId, String kind) throws SQLException {
		Position position = positions.computeIfAbsent(kind, k -> new Position());
		if (position.from < 0) {
			position.from = RetentionCursors.last(connection, tenantId, kind);
		}
		return position;
	}

	private List<Walked> walk(Connection connection, String tenantId, String kind, String sql) throws SQLException {
		return walk(connection, tenantId, kind, sql + " ORDER BY tenant_id, id FETCH FIRST " + batchSize + " ROWS ONLY",
				true);
	}

	private List<Walked> walk(Connection connection, String tenantId, String kind, String sql, boolean ofTenant)
			throws SQLException {
		List<Walked> rows = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			int next = 1;
			if (ofTenant) {
				query.setString(next++, tenantId);
			}
			query.setLong(next, position(connection, tenantId, kind).from);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					rows.add(new Walked(result.getLong(1), result.getObject(2, OffsetDateTime.class), result.getString(3),
							result.getLong(4)));
				}
			}
		}
		return rows;
	}

	/**
	 * Those of {@code ids} the query finds: {@code sql} ends in a comparison with the id ({@code … = ?}) after the
	 * tenant, and runs once per id. H2 reads a multi-column index for an IN list only on its first column, so an IN
	 * list here read every row of the tenant.
	 */
	private static Set<Long> referenced(Connection connection, String tenantId, List<Long> ids, String sql)
			throws SQLException {
		Set<Long> found = new HashSet<>();
		if (ids.isEmpty()) {
			return found;
		}
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setMaxRows(1);
			query.setString(1, tenantId);
			for (Long id : ids) {
				query.setLong(2, id);
				try (ResultSet rows = query.executeQuery()) {
					if (rows.next()) {
						found.add(id);
					}
				}
			}
		}
		return found;
	}

	/** Runs {@code sql} (tenant, then the id: {@code … = ?}) for each id, in one batch; returns the rows it changed. */
	private static long delete(Connection connection, String tenantId, String sql, List<Long> ids)
			throws SQLException {
		if (ids.isEmpty()) {
			return 0;
		}
		try (PreparedStatement delete = connection.prepareStatement(sql)) {
			for (Long id : ids) {
				delete.setString(1, tenantId);
				delete.setLong(2, id);
				delete.addBatch();
			}
			long changed = 0;
			for (int count : delete.executeBatch()) {
				changed += Math.max(count, 0);
			}
			return changed;
		}
	}

	private static long max(List<Long> ids) {
		return ids.stream().mapToLong(Long::longValue).max().orElse(0);
	}
}
