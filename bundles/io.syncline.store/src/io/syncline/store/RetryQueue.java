package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The part of the exception queue that waits by itself: RETRY exceptions (a record that met a failure which may
 * pass, tried again on a schedule) and PARKED ones (a later record of the same business key, held back so that
 * records of one key are applied in order). One open RETRY or PARKED exception per message and key at most;
 * trying again updates it. All in the caller's transaction, audited like every exception change.
 */
public final class RetryQueue {

	public static final String RETRY = "RETRY";
	public static final String PARKED = "PARKED";

	/** A retry that is due: its exception, message, key and the attempts so far. */
	public record Due(long exceptionId, long messageId, String businessKey, int attempts) {
	}

	private final AuditLog audit = new AuditLog();

	/**
	 * What waits, as a message sees it: {@code blocked}, the keys it must not apply records of yet (an earlier
	 * message's open RETRY exception, retrying or given up and waiting for a person); {@code own}, the keys of its own
	 * open RETRY or PARKED exceptions, which applying a record of that key settles.
	 */
	public record Waiting(Set<String> blocked, Set<String> own) {
	}

	public Waiting waiting(Connection connection, String tenantId, long messageId) throws SQLException {
		Set<String> blocked = new LinkedHashSet<>();
		Set<String> own = new LinkedHashSet<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT business_key, message_id, kind FROM exceptions "
				+ "WHERE tenant_id = ? AND kind IN ('RETRY', 'PARKED') AND state IN ('OPEN', 'RETRYING') "
				+ "AND business_key IS NOT NULL AND message_id <= ?")) {
			query.setString(1, tenantId);
			query.setLong(2, messageId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					if (rows.getLong(2) == messageId) {
						own.add(rows.getString(1));
					} else if (rows.getString(3).equals(RETRY)) {
						blocked.add(rows.getString(1));
					}
				}
			}
		}
		return new Waiting(blocked, own);
	}

	/** The keys with an open RETRY exception from a message before {@code messageId}. */
	public Set<String> blockedKeys(Connection connection, String tenantId, long messageId) throws SQLException {
		return waiting(connection, tenantId, messageId).blocked();
	}

	/**
	 * Records a failed attempt of a message's record: opens its RETRY exception, or counts one more attempt on it.
	 * {@code schedule} gives the next try for the attempts so far, or null when they are exhausted: then the
	 * exception waits for a person (state OPEN). Returns the attempts so far.
	 */
	public int failed(Connection connection, String tenantId, long messageId, String businessKey, String location,
			String detail, IntFunction<OffsetDateTime> schedule) throws SQLException {
		OffsetDateTime now = StoreTime.now();
		Long existing = openOf(connection, tenantId, messageId, businessKey, RETRY);
		if (existing == null) {
			OffsetDateTime nextRetryAt = schedule.apply(1);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exceptions (tenant_id, message_id, "
					+ "kind, business_key, location, detail, state, attempts, next_retry_at, created_at, updated_at) "
					+ "VALUES (?, ?, 'RETRY', ?, ?, ?, 'RETRYING', 1, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
				insert.setString(1, tenantId);
				insert.setLong(2, messageId);
				insert.setString(3, businessKey);
				insert.setString(4, location);
				insert.setString(5, detail);
				insert.setObject(6, nextRetryAt);
				insert.setObject(7, now);
				insert.setObject(8, now);
				insert.executeUpdate();
			}
			return 1;
		}
		int attempts = attempts(connection, tenantId, existing) + 1;
		OffsetDateTime nextRetryAt = schedule.apply(attempts);
		boolean exhausted = nextRetryAt == null;
		try (PreparedStatement update = connection.prepareStatement("UPDATE exceptions SET attempts = ?, "
				+ "next_retry_at = ?, state = ?, detail = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")) {
			update.setInt(1, attempts);
			update.setObject(2, exhausted ? null : nextRetryAt);
			update.setString(3, exhausted ? "OPEN" : "RETRYING");
			update.setString(4, exhausted ? "gave up after " + attempts + " attempts: " + detail : detail);
			update.setObject(5, now);
			update.setString(6, tenantId);
			update.setLong(7, existing);
			update.executeUpdate();
		}
		audit.append(connection, tenantId, "syncline", exhausted ? "retries-exhausted" : "retry-failed",
				"exception/" + existing, "{\"attempts\":" + (attempts - 1) + "}", "{\"attempts\":" + attempts + "}",
				detail.length() > 900 ? detail.substring(0, 900) : detail);
		return attempts;
	}

	/** Holds a record back behind its key's open RETRY exception; once per message and key. */
	public void park(Connection connection, String tenantId, long messageId, String businessKey, String location)
			throws SQLException {
		if (openOf(connection, tenantId, messageId, businessKey, PARKED) != null) {
			return;
		}
		OffsetDateTime now = StoreTime.now();
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exceptions (tenant_id, message_id, "
				+ "kind, business_key, location, detail, state, attempts, created_at, updated_at) "
				+ "VALUES (?, ?, 'PARKED', ?, ?, ?, 'RETRYING', 0, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setLong(2, messageId);
			insert.setString(3, businessKey);
			insert.setString(4, location);
			insert.setString(5, "held back: an earlier message of " + businessKey + " waits for a retry; this one "
					+ "follows once that applies");
			insert.setObject(6, now);
			insert.setObject(7, now);
			insert.executeUpdate();
		}
	}

	/** The record of this message and key applied: its open RETRY and PARKED exceptions are resolved. */
	public int settled(Connection connection, String tenantId, long messageId, String businessKey) throws SQLException {
		int closed = 0;
		for (String kind : new String[] { RETRY, PARKED }) {
			Long id = openOf(connection, tenantId, messageId, businessKey, kind);
			if (id != null) {
				try (PreparedStatement update = connection.prepareStatement("UPDATE exceptions SET state = 'RESOLVED', "
						+ "next_retry_at = NULL, updated_at = ? WHERE tenant_id = ? AND id = ?")) {
					update.setObject(1, StoreTime.now());
					update.setString(2, tenantId);
					update.setLong(3, id);
					update.executeUpdate();
				}
				audit.append(connection, tenantId, "syncline", "resolved", "exception/" + id, "{\"state\":\"RETRYING\"}",
						"{\"state\":\"RESOLVED\"}", kind.equals(RETRY) ? "applied when tried again"
								: "applied after the earlier message of " + businessKey);
				closed++;
			}
		}
		return closed;
	}

	/** RETRY exceptions whose time has come, oldest first. */
	public List<Due> due(Connection connection, String tenantId, OffsetDateTime now) throws SQLException {
		List<Due> due = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT id, message_id, business_key, attempts "
				+ "FROM exceptions WHERE tenant_id = ? AND kind = 'RETRY' AND state = 'RETRYING' AND next_retry_at <= ? "
				+ "ORDER BY id")) {
			query.setString(1, tenantId);
			query.setObject(2, now);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					due.add(new Due(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getInt(4)));
				}
			}
		}
		return due;
	}

	/** Messages with records held back behind a key, in the order they came. */
	public List<Long> parkedMessages(Connection connection, String tenantId, String businessKey) throws SQLException {
		List<Long> messages = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT message_id FROM exceptions "
				+ "WHERE tenant_id = ? AND kind = 'PARKED' AND state = 'RETRYING' AND business_key = ? ORDER BY message_id")) {
			query.setString(1, tenantId);
			query.setString(2, businessKey);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					messages.add(rows.getLong(1));
				}
			}
		}
		return messages;
	}

	private static Long openOf(Connection connection, String tenantId, long messageId, String businessKey, String kind)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT id FROM exceptions WHERE tenant_id = ? "
				+ "AND message_id = ? AND business_key = ? AND kind = ? AND state IN ('OPEN', 'RETRYING') "
				+ "ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
			query.setString(1, tenantId);
			query.setLong(2, messageId);
			query.setString(3, businessKey);
			query.setString(4, kind);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? row.getLong(1) : null;
			}
		}
	}

	static int attempts(Connection connection, String tenantId, long id) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT attempts FROM exceptions WHERE tenant_id = ? AND id = ?")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getInt(1);
			}
		}
	}
}
