package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How large a tenant's journal is and how many of its exceptions are open: for a status line, not a hot path. */
public final class TenantCounts {

	public record Counts(long messages, long openExceptions) {
	}

	public Counts of(Connection connection, String tenantId) throws SQLException {
		return new Counts(count(connection, "SELECT COUNT(*) FROM messages WHERE tenant_id = ?", tenantId),
				count(connection, "SELECT COUNT(*) FROM exceptions WHERE tenant_id = ? AND state IN ('OPEN', 'RETRYING')",
						tenantId));
	}

	private static long count(Connection connection, String sql, String tenantId) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, tenantId);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}
}
