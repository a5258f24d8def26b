package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How far each kind of purge has walked a tenant's rows ({@code retention_cursors}): the last id it passed, saved
 * in the transaction of the batch that passed it, so a run never reads again what an earlier one did.
 */
final class RetentionCursors {

	private RetentionCursors() {
	}

	/** The last id the kind passed for the tenant, 0 before its first batch. */
	static long last(Connection connection, String tenantId, String kind) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT last_id FROM retention_cursors WHERE tenant_id = ? AND kind = ?")) {
			query.setString(1, tenantId);
			query.setString(2, kind);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? row.getLong(1) : 0;
			}
		}
	}

	static void save(Connection connection, String tenantId, String kind, long lastId)
			throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE retention_cursors SET last_id = ? WHERE tenant_id = ? AND kind = ?")) {
			update.setLong(1, lastId);
			update.setString(2, tenantId);
			update.setString(3, kind);
			if (update.executeUpdate() == 1) {
				return;
			}
		}
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO retention_cursors (tenant_id, kind, last_id) VALUES (?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, kind);
			insert.setLong(3, lastId);
			insert.executeUpdate();
		}
	}
}
