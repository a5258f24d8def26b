package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How each endpoint fares, in the caller's transaction: its last poll and last success, what it moved today (UTC),
 * its last error in words, and its backlog. An endpoint is failing when its last error is newer than its last success.
 */
public final class EndpointHealth {

	public record Row(String endpointId, OffsetDateTime lastPollAt, OffsetDateTime lastSuccessAt, long movedToday,
			String lastError, OffsetDateTime lastErrorAt, int backlog) {

		public boolean failing() {
			return lastErrorAt != null && (lastSuccessAt == null || lastErrorAt.isAfter(lastSuccessAt));
		}
	}

	private final String createSql;

	public EndpointHealth(Dialect dialect) {
		this.createSql = dialect.insertIfAbsent("endpoint_status", new String[] { "tenant_id", "endpoint_id" },
				new String[] { "moved_today", "backlog" });
	}

	/** A poll or a delivery that worked: it moved {@code moved} documents and left {@code backlog} waiting. */
	public void succeeded(Connection connection, String tenantId, String endpointId, long moved, int backlog)
			throws SQLException {
		ensure(connection, tenantId, endpointId);
		OffsetDateTime now = StoreTime.now();
		LocalDate today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		try (PreparedStatement update = connection.prepareStatement("UPDATE endpoint_status SET last_poll_at = ?, "
				+ "last_success_at = ?, moved_today = CASE WHEN moved_on = ? THEN moved_today + ? ELSE ? END, moved_on = ?, "
				+ "backlog = ? WHERE tenant_id = ? AND endpoint_id = ?")) {
			update.setObject(1, now);
			update.setObject(2, now);
			update.setObject(3, today);
			update.setLong(4, moved);
			update.setLong(5, moved);
			update.setObject(6, today);
			update.setInt(7, backlog);
			update.setString(8, tenantId);
			update.setString(9, endpointId);
			update.executeUpdate();
		}
	}

	/** A poll, a delivery or a test that failed, in words a partner manager can act on. */
	public void failed(Connection connection, String tenantId, String endpointId, String error) throws SQLException {
		ensure(connection, tenantId, endpointId);
		OffsetDateTime now = StoreTime.now();
		try (PreparedStatement update = connection.prepareStatement("UPDATE endpoint_status SET last_poll_at = ?, "
				+ "last_error = ?, last_error_at = ? WHERE tenant_id = ? AND endpoint_id = ?")) {
			update.setObject(1, now);
			update.setString(2, error == null || error.length() <= 1024 ? error : error.substring(0, 1021) + "…");
			update.setObject(3, now);
			update.setString(4, tenantId);
			update.setString(5, endpointId);
			update.executeUpdate();
		}
	}

	/** Every endpoint's health that has any, by endpoint id; today's count is zero once the day has turned. */
	public Map<String, Row> all(Connection connection, String tenantId) throws SQLException {
		Map<String, Row> rows = new LinkedHashMap<>();
		LocalDate today = StoreTime.now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		try (PreparedStatement query = connection.prepareStatement("SELECT endpoint_id, last_poll_at, last_success_at, "
				+ "moved_on, moved_today, last_error, last_error_at, backlog FROM endpoint_status WHERE tenant_id = ?")) {
			query.setString(1, tenantId);
			try (ResultSet row = query.executeQuery()) {
				while (row.next()) {
					LocalDate day = row.getObject(4, LocalDate.class);
					rows.put(row.getString(1), new Row(row.getString(1), row.getObject(2, OffsetDateTime.class),
							row.getObject(3, OffsetDateTime.class), today.equals(day) ? row.getLong(5) : 0,
							row.getString(6), row.getObject(7, OffsetDateTime.class), row.getInt(8)));
				}
			}
		}
		return rows;
	}

	public void remove(Connection connection, String tenantId, String endpointId) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM endpoint_status WHERE tenant_id = ? AND endpoint_id = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, endpointId);
			delete.executeUpdate();
		}
	}

	private void ensure(Connection connection, String tenantId, String endpointId) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(createSql)) {
			insert.setString(1, tenantId);
			insert.setString(2, endpointId);
			insert.setLong(3, 0);
			insert.setInt(4, 0);
			insert.executeUpdate();
		}
	}
}
