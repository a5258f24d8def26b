package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where an endpoint's cursors stand, in the caller's transaction: the last outbound message it delivered, a REST
 * list's cursor, a table's watermark. A cursor moves in the transaction that journals what it moved past.
 */
public final class EndpointCursors {

	public Optional<String> get(Connection connection, String tenantId, String endpointId, String name)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT cursor_value FROM endpoint_cursors "
				+ "WHERE tenant_id = ? AND endpoint_id = ? AND cursor_name = ?")) {
			query.setString(1, tenantId);
			query.setString(2, endpointId);
			query.setString(3, name);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
			}
		}
	}

	public void put(Connection connection, String tenantId, String endpointId, String name, String value)
			throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE endpoint_cursors SET cursor_value = ?, "
				+ "updated_at = ? WHERE tenant_id = ? AND endpoint_id = ? AND cursor_name = ?")) {
			update.setString(1, value);
			update.setObject(2, StoreTime.now());
			update.setString(3, tenantId);
			update.setString(4, endpointId);
			update.setString(5, name);
			if (update.executeUpdate() > 0) {
				return;
			}
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO endpoint_cursors (tenant_id, "
				+ "endpoint_id, cursor_name, cursor_value, updated_at) VALUES (?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, endpointId);
			insert.setString(3, name);
			insert.setString(4, value);
			insert.setObject(5, StoreTime.now());
			insert.executeUpdate();
		}
	}

	/** Every cursor of an endpoint whose name starts with {@code prefix}, by name. */
	public java.util.Map<String, String> withPrefix(Connection connection, String tenantId, String endpointId,
			String prefix) throws SQLException {
		java.util.Map<String, String> found = new java.util.TreeMap<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT cursor_name, cursor_value FROM "
				+ "endpoint_cursors WHERE tenant_id = ? AND endpoint_id = ? AND cursor_name LIKE ?")) {
			query.setString(1, tenantId);
			query.setString(2, endpointId);
			query.setString(3, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					found.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		return found;
	}

	public void remove(Connection connection, String tenantId, String endpointId, String name) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM endpoint_cursors WHERE tenant_id = ? AND endpoint_id = ? AND cursor_name = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, endpointId);
			delete.setString(3, name);
			delete.executeUpdate();
		}
	}
}
