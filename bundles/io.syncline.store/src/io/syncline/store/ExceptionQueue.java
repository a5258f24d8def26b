package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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
			String detail, State state, int attempts, String assignee, OffsetDateTime createdAt) {
	}

	private final Store store;
	private final AuditLog audit = new AuditLog();

	public ExceptionQueue(Store store) {
		this.store = store;
	}

	/** Opens an exception in the caller's transaction, next to the journal row it concerns. */
	public long open(Connection connection, String tenantId, Long messageId, String kind, String businessKey,
			String location, String detail) throws SQLException {
		OffsetDateTime now = OffsetDateTime.now();
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exceptions (tenant_id, message_id, kind, "
				+ "business_key, location, detail, state, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', 0, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
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
		List<Item> page = new ArrayList<>();
		try (Connection connection = store.connection();
				PreparedStatement query = connection.prepareStatement("SELECT id, tenant_id, message_id, kind, business_key, "
						+ "location, detail, state, attempts, assignee, created_at FROM exceptions WHERE tenant_id = ? AND id > ? "
						+ (openOnly ? "AND state IN ('OPEN', 'RETRYING') " : "") + "ORDER BY id FETCH FIRST ? ROWS ONLY")) {
			query.setString(1, tenantId);
			query.setLong(2, afterId);
			query.setInt(3, pageSize);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					long messageId = rows.getLong(3);
					page.add(new Item(rows.getLong(1), rows.getString(2), rows.wasNull() ? null : messageId,
							rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
							State.valueOf(rows.getString(8)), rows.getInt(9), rows.getString(10),
							rows.getObject(11, OffsetDateTime.class)));
				}
			}
		}
		return page;
	}

	public Item get(String tenantId, long id) throws SQLException {
		for (Item item : list(tenantId, false, id - 1, 1)) {
			if (item.id() == id) {
				return item;
			}
		}
		throw new IllegalArgumentException("no exception " + id + " for tenant " + tenantId);
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
				update.setObject(2, OffsetDateTime.now());
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
					throw new IllegalArgumentException("no exception " + id + " for tenant " + tenantId);
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
