package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log: who did what to which subject, when, with the state before and after and the reason.
 * Entries are written in the caller's transaction, so an action and its audit commit or roll back together.
 */
public final class AuditLog {

	public record Entry(long id, String tenantId, String actor, OffsetDateTime at, String action, String subject,
			String before, String after, String reason) {
	}

	public void append(Connection connection, String tenantId, String actor, String action, String subject,
			String before, String after, String reason) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (tenant_id, actor, at, action, "
				+ "subject, before_json, after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, actor);
			insert.setObject(3, StoreTime.now());
			insert.setString(4, action);
			insert.setString(5, subject);
			insert.setString(6, before);
			insert.setString(7, after);
			insert.setString(8, reason);
			insert.executeUpdate();
		}
	}

	/** Filters of {@link #search}; null means any. {@code subject} ending in '/' matches every subject under it. */
	public record Filter(String actor, String action, String subject, OffsetDateTime from, OffsetDateTime to) {
	}

	/** Entries matching the filter with ids below {@code beforeId} (0: from the newest), newest first. */
	public List<Entry> search(Connection connection, String tenantId, Filter filter, long beforeId, int limit)
			throws SQLException {
		StringBuilder sql = new StringBuilder("SELECT id, tenant_id, actor, at, action, subject, before_json, "
				+ "after_json, reason FROM audit_log WHERE tenant_id = ? AND id < ?");
		List<Object> parameters = new ArrayList<>(List.of(tenantId, beforeId <= 0 ? Long.MAX_VALUE : beforeId));
		if (filter.actor() != null) {
			sql.append(" AND actor = ?");
			parameters.add(filter.actor());
		}
		if (filter.action() != null) {
			sql.append(" AND action = ?");
			parameters.add(filter.action());
		}
		if (filter.subject() != null) {
			boolean under = filter.subject().endsWith("/");
			sql.append(under ? " AND subject LIKE ? ESCAPE '!'" : " AND subject = ?");
			parameters.add(under ? filter.subject().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
					: filter.subject());
		}
		if (filter.from() != null) {
			sql.append(" AND at >= ?");
			parameters.add(filter.from());
		}
		if (filter.to() != null) {
			sql.append(" AND at < ?");
			parameters.add(filter.to());
		}
		sql.append(" ORDER BY id DESC FETCH FIRST ? ROWS ONLY");
		parameters.add(limit);
		List<Entry> entries = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
			for (int i = 0; i < parameters.size(); i++) {
				query.setObject(i + 1, parameters.get(i));
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					entries.add(new Entry(rows.getLong(1), rows.getString(2), rows.getString(3),
							rows.getObject(4, OffsetDateTime.class), rows.getString(5), rows.getString(6),
							rows.getString(7), rows.getString(8), rows.getString(9)));
				}
			}
		}
		return entries;
	}

	/** The history of one subject, oldest first. */
	public List<Entry> history(Connection connection, String tenantId, String subject) throws SQLException {
		List<Entry> entries = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT id, tenant_id, actor, at, action, subject, "
				+ "before_json, after_json, reason FROM audit_log WHERE tenant_id = ? AND subject = ? ORDER BY id")) {
			query.setString(1, tenantId);
			query.setString(2, subject);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					entries.add(new Entry(rows.getLong(1), rows.getString(2), rows.getString(3),
							rows.getObject(4, OffsetDateTime.class), rows.getString(5), rows.getString(6),
							rows.getString(7), rows.getString(8), rows.getString(9)));
				}
			}
		}
		return entries;
	}
}
