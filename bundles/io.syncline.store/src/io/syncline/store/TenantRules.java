package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/** A tenant's rules as keys and values (such as {@code atp.inTransit}); changes are audited in the same transaction. */
public final class TenantRules {

	private final AuditLog audit = new AuditLog();

	public Map<String, String> all(Connection connection, String tenantId) throws SQLException {
		Map<String, String> rules = new TreeMap<>();
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT rule_key, rule_value FROM tenant_rules WHERE tenant_id = ?")) {
			query.setString(1, tenantId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					rules.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		return rules;
	}

	/** Sets a rule, or removes it with a null value; audited with the value before and after and the reason. */
	public void put(Connection connection, String tenantId, String key, String value, String actor, String reason)
			throws SQLException {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("changing a rule needs a reason");
		}
		String before = all(connection, tenantId).get(key);
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM tenant_rules WHERE tenant_id = ? AND rule_key = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, key);
			delete.executeUpdate();
		}
		if (value != null) {
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tenant_rules (tenant_id, rule_key, "
					+ "rule_value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")) {
				insert.setString(1, tenantId);
				insert.setString(2, key);
				insert.setString(3, value);
				insert.setObject(4, StoreTime.now());
				insert.setString(5, actor);
				insert.executeUpdate();
			}
		}
		audit.append(connection, tenantId, actor, "set-rule", "rule/" + key, json(before), json(value), reason);
	}

	/** Copies every rule of one tenant to another, in the caller's transaction; returns how many. */
	public int copy(Connection connection, String fromTenant, String toTenant, String actor) throws SQLException {
		try (PreparedStatement copy = connection.prepareStatement("INSERT INTO tenant_rules (tenant_id, rule_key, "
				+ "rule_value, updated_at, updated_by) SELECT ?, rule_key, rule_value, ?, ? FROM tenant_rules "
				+ "WHERE tenant_id = ?")) {
			copy.setString(1, toTenant);
			copy.setObject(2, StoreTime.now());
			copy.setString(3, actor);
			copy.setString(4, fromTenant);
			return copy.executeUpdate();
		}
	}

	private static String json(String value) {
		return value == null ? null : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
