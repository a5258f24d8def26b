package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exception queue: what a person must look at (a price change above tolerance, an unknown item, an invalid
 * segment, an invoice that does not match), with its located error, state, attempts and assignee. Every change of
 * state is audited with who, why, and before and after, in the same transaction.
 */
public final class ExceptionQueue {

	public enum State {
		OPEN, RETRYING, RESOLVED, IGNORED
	}

	public record Item(long id, String tenantId, Long messageId, String kind, String businessKey, String location,
			String detail, State state, int attempts, String assignee, OffsetDateTime createdAt,
			OffsetDateTime nextRetryAt) {

		public boolean isOpen() {
			return state == State.OPEN || state == State.RETRYING;
		}
	}

	private static final String COLUMNS = "id, tenant_id, message_id, kind, business_key, location, detail, state, "
			+ "attempts, assignee, created_at, next_retry_at";

	private final Store store;
	private final AuditLog audit = new AuditLog();

	public ExceptionQueue(Store store) {
		this.store = store;
	}

	/** Opens an exception in the caller's transaction, next to the journal row it concerns. */
	public long open(Connection connection, String tenantId, Long messageId, String kind, String businessKey,
			String location, String detail) throws SQLException {
		return open(connection, tenantId, messageId, kind, businessKey, location, detail, null);
	}

	/**
	 * As {@link #open(Connection, String, Long, String, String, String, String)}, keeping what accepting it would
	 * apply ({@code proposal}, at most 4,000 characters, in a form its resolver reads).
	 */
	public long open(Connection connection, String tenantId, Long messageId, String kind, String businessKey,
			String location, String detail, String proposal) throws SQLException {
		if (proposal != null && proposal.length() > 4000) {
			throw new IllegalArgumentException("a proposal is at most 4000 characters, not " + proposal.length());
		}
		OffsetDateTime now = StoreTime.now();
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exceptions (tenant_id, message_id, kind, "
				+ "business_key, location, detail, state, attempts, created_at, updated_at, proposal) "
				+ "VALUES (?, ?, ?, ?, ?, ?, 'OPEN', 0, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
			insert.setString(9, proposal);
			insert.setString(1, tenantId);
			insert.setObject(2, messageId);
			insert.setString(3, kind);
			insert.setString(4, businessKey);
			insert.setString(5, truncate(location, 1024));
			insert.setString(6, truncate(detail, 4000));
			insert.setObject(7, now);
			insert.setObject(8, now);
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	/** Open (or all) exceptions of a tenant, oldest first, keyset-paged by id. */
	public List<Item> list(String tenantId, boolean openOnly, long afterId, int pageSize) throws SQLException {
		return list(tenantId, openOnly, null, null, afterId, pageSize);
	}

	/** As {@link #list(String, boolean, long, int)}, narrowed to a kind and an assignee when they are not null. */
	public List<Item> list(String tenantId, boolean openOnly, String kind, String assignee, long afterId, int pageSize)
			throws SQLException {
		String sql = "SELECT " + COLUMNS + " FROM exceptions WHERE tenant_id = ? AND id > ? "
				+ (openOnly ? "AND state IN ('OPEN', 'RETRYING') " : "") + (kind != null ? "AND kind = ? " : "")
				+ (assignee != null ? "AND assignee = ? " : "") + "ORDER BY id FETCH FIRST ? ROWS ONLY";
		try (Connection connection = store.readConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
			int at = 1;
			query.setString(at++, tenantId);
			query.setLong(at++, afterId);
			if (kind != null) {
				query.setString(at++, kind);
			}
			if (assignee != null) {
				query.setString(at++, assignee);
			}
			query.setInt(at, pageSize);
			List<Item> page = read(query);
			connection.rollback();
			return page;
		}
	}

	/** The exceptions one message opened, oldest first. */
	public List<Item> ofMessage(String tenantId, long messageId) throws SQLException {
		return ofMessage(tenantId, messageId, Integer.MAX_VALUE);
	}

	/** The first {@code limit} exceptions one message opened (a large file can open a million). */
	public List<Item> ofMessage(String tenantId, long messageId, int limit) throws SQLException {
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
						+ " FROM exceptions WHERE tenant_id = ? AND message_id = ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
			query.setString(1, tenantId);
			query.setLong(2, messageId);
			query.setInt(3, limit);
			List<Item> items = read(query);
			connection.rollback();
			return items;
		}
	}

	private static List<Item> read(PreparedStatement query) throws SQLException {
		List<Item> items = new ArrayList<>();
		try (ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				items.add(item(rows));
			}
		}
		return items;
	}

	/** One row of {@code COLUMNS}, in their order. */
	static Item item(ResultSet rows) throws SQLException {
		long messageId = rows.getLong(3);
		return new Item(rows.getLong(1), rows.getString(2), rows.wasNull() ? null : messageId, rows.getString(4),
				rows.getString(5), rows.getString(6), rows.getString(7), State.valueOf(rows.getString(8)),
				rows.getInt(9), rows.getString(10), rows.getObject(11, OffsetDateTime.class),
				rows.getObject(12, OffsetDateTime.class));
	}

	public Item get(String tenantId, long id) throws SQLException {
		for (Item item : list(tenantId, false, id - 1, 1)) {
			if (item.id() == id) {
				return item;
			}
		}
		try (Connection connection = store.readConnection()) {
			throw Retention.missingException(connection, tenantId, id);
		}
	}

	/** What accepting the exception would apply, if it holds something back. */
	public Optional<String> proposal(Connection connection, String tenantId, long id) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT proposal FROM exceptions WHERE tenant_id = ? AND id = ?")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
			}
		}
	}

	/** Who did what to this exception, oldest first. */
	public List<AuditLog.Entry> history(String tenantId, long id) throws SQLException {
		try (Connection connection = store.readConnection()) {
			List<AuditLog.Entry> entries = audit.history(connection, tenantId, "exception/" + id);
			connection.rollback();
			return entries;
		}
	}

	/**
	 * Keeps a corrected payload beside an open exception for its resubmit; the message's original bytes stay in the
	 * journal untouched. Audited with the hashes before and after.
	 */
	public void editPayload(String tenantId, long id, byte[] payload, String actor, String reason) throws SQLException {
		editPayload(tenantId, id, payload, actor, reason, null);
	}

	/**
	 * As {@link #editPayload(String, long, byte[], String, String)}, the audit row also keeping what changed:
	 * {@code changes} is a JSON array (a field-level diff of the edit), or null.
	 */
	public void editPayload(String tenantId, long id, byte[] payload, String actor, String reason, String changes)
			throws SQLException {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("editing a payload needs a reason");
		}
		store.inTransaction(connection -> {
			current(connection, tenantId, id, "state");
			String before = editedHash(connection, tenantId, id);
			try (PreparedStatement delete = connection.prepareStatement(
					"DELETE FROM exception_payloads WHERE tenant_id = ? AND exception_id = ?")) {
				delete.setString(1, tenantId);
				delete.setLong(2, id);
				delete.executeUpdate();
			}
			String hash = Payloads.sha256(payload);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exception_payloads (tenant_id, "
					+ "exception_id, payload_sha256, payload_gzip, edited_by, edited_at) VALUES (?, ?, ?, ?, ?, ?)")) {
				insert.setString(1, tenantId);
				insert.setLong(2, id);
				insert.setString(3, hash);
				insert.setBytes(4, Payloads.gzip(payload));
				insert.setString(5, actor);
				insert.setObject(6, StoreTime.now());
				insert.executeUpdate();
			}
			audit.append(connection, tenantId, actor, "edit-payload", "exception/" + id,
					"{\"payloadSha256\":" + json(before) + "}",
					"{\"payloadSha256\":" + json(hash) + (changes == null ? "" : ",\"changes\":" + changes) + "}", reason);
			return null;
		});
	}

	/** The corrected payload kept for this exception, if someone edited it. */
	public Optional<byte[]> editedPayload(String tenantId, long id) throws SQLException {
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT payload_gzip FROM exception_payloads WHERE tenant_id = ? AND exception_id = ?")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet row = query.executeQuery()) {
				Optional<byte[]> found = row.next() ? Optional.of(Payloads.gunzip(row.getBytes(1)))
						: Optional.empty();
				connection.rollback();
				return found;
			}
		}
	}

	private static String editedHash(Connection connection, String tenantId, long id) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT payload_sha256 FROM exception_payloads WHERE tenant_id = ? AND exception_id = ?")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? row.getString(1) : null;
			}
		}
	}

	/** A resubmit that did not apply cleanly: one more attempt, audited with what it met. */
	public void recordAttempt(String tenantId, long id, String actor, String outcome) throws SQLException {
		store.inTransaction(connection -> {
			current(connection, tenantId, id, "state");
			int before = RetryQueue.attempts(connection, tenantId, id);
			try (PreparedStatement update = connection.prepareStatement(
					"UPDATE exceptions SET attempts = attempts + 1, updated_at = ? WHERE tenant_id = ? AND id = ?")) {
				update.setObject(1, StoreTime.now());
				update.setString(2, tenantId);
				update.setLong(3, id);
				update.executeUpdate();
			}
			audit.append(connection, tenantId, actor, "resubmit", "exception/" + id, "{\"attempts\":" + before + "}",
					"{\"attempts\":" + (before + 1) + "}", truncate(outcome, 1000));
			return null;
		});
	}

	public void assign(String tenantId, long id, String actor, String assignee) throws SQLException {
		change(tenantId, id, actor, "assign", "assignee", assignee, "assigned to " + assignee);
	}

	/** Resolves or ignores an open exception; a reason is required, because the audit must say why. */
	public void close(String tenantId, long id, String actor, State outcome, String reason) throws SQLException {
		if (outcome != State.RESOLVED && outcome != State.IGNORED) {
			throw new IllegalArgumentException("an exception is closed as RESOLVED or IGNORED, not " + outcome);
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("closing an exception needs a reason");
		}
		change(tenantId, id, actor, outcome.name().toLowerCase(), "state", outcome.name(), reason);
	}

	private void change(String tenantId, long id, String actor, String action, String column, String value,
			String reason) throws SQLException {
		store.inTransaction(connection -> {
			String before = current(connection, tenantId, id, column);
			try (PreparedStatement update = connection.prepareStatement(
					"UPDATE exceptions SET " + column + " = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")) {
				update.setString(1, value);
				update.setObject(2, StoreTime.now());
				update.setString(3, tenantId);
				update.setLong(4, id);
				update.executeUpdate();
			}
			audit.append(connection, tenantId, actor, action, "exception/" + id,
					"{\"" + column + "\":" + json(before) + "}", "{\"" + column + "\":" + json(value) + "}", reason);
			return null;
		});
	}

	/** The current value, read under a row lock so concurrent changes are serialised. */
	private static String current(Connection connection, String tenantId, long id, String column) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT " + column + ", state FROM exceptions WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					throw Retention.missingException(connection, tenantId, id);
				}
				String state = row.getString(2);
				if (state.equals("RESOLVED") || state.equals("IGNORED")) {
					throw new IllegalStateException("exception " + id + " is already " + state.toLowerCase());
				}
				return row.getString(1);
			}
		}
	}

	private static String json(String value) {
		return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
