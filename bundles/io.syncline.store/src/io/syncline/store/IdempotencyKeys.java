package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.time.OffsetDateTime;

/**
 * Claims an effect's idempotency key exactly once, in the caller's transaction, with one insert-if-absent statement.
 * Under a race on the same key, the loser sees the winner's row (or a unique violation, which counts the same).
 */
public final class IdempotencyKeys {

	private static final String UNIQUE_VIOLATION = "23505";

	private final String sql;

	public IdempotencyKeys(Dialect dialect) {
		this.sql = dialect.insertIfAbsent("idempotency_keys", new String[] { "tenant_id", "key_value" },
				new String[] { "created_at" });
	}

	/**
	 * Claims many keys in one batched statement, in order (a key twice in the list is claimed by its first
	 * occurrence). Per key, whether this call claimed it; null if the database did not say which rows it inserted,
	 * or if a concurrent claim raced this one; then the caller should roll back and claim one at a time.
	 */
	public boolean[] claimAll(Connection connection, String tenantId, List<String> keys) throws SQLException {
		int[] counts;
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			OffsetDateTime now = StoreTime.now();
			for (String key : keys) {
				insert.setString(1, tenantId);
				insert.setString(2, key);
				insert.setObject(3, now);
				insert.addBatch();
			}
			counts = insert.executeBatch();
		}
		boolean[] claimed = new boolean[keys.size()];
		if (counts.length != keys.size()) {
			return null;
		}
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] != 0 && counts[i] != 1) {
				return null; // SUCCESS_NO_INFO: which keys were new is unknown
			}
			claimed[i] = counts[i] == 1;
		}
		return claimed;
	}

	/** True if this call claimed the key; false if it was claimed before. */
	public boolean claim(Connection connection, String tenantId, String key) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			insert.setString(1, tenantId);
			insert.setString(2, key);
			insert.setObject(3, StoreTime.now());
			return insert.executeUpdate() == 1;
		} catch (SQLException e) {
			if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
				return false;
			}
			throw e;
		}
	}
}
