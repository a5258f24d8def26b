package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

	/** True if this call claimed the key; false if it was claimed before. */
	public boolean claim(Connection connection, String tenantId, String key) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			insert.setString(1, tenantId);
			insert.setString(2, key);
			insert.setObject(3, OffsetDateTime.now());
			return insert.executeUpdate() == 1;
		} catch (SQLException e) {
			if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
				return false;
			}
			throw e;
		}
	}
}
