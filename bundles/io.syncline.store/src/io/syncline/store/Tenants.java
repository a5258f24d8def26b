package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tenants one store serves, in the caller's transaction. */
public final class Tenants {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	public record Tenant(String id, String name, String interchangeId, String template, OffsetDateTime createdAt,
			String createdBy) {
	}

	public List<Tenant> all(Connection connection) throws SQLException {
		return read(connection, "SELECT tenant_id, name, interchange_id, template, created_at, created_by FROM tenants "
				+ "ORDER BY tenant_id", null);
	}

	public Optional<Tenant> get(Connection connection, String tenantId) throws SQLException {
		return read(connection, "SELECT tenant_id, name, interchange_id, template, created_at, created_by FROM tenants "
				+ "WHERE tenant_id = ?", tenantId).stream().findFirst();
	}

	/** Adds a tenant; refused with the reason for a malformed id, a missing name or an id taken. */
	public Tenant add(Connection connection, String tenantId, String name, String interchangeId, String template,
			String actor) throws SQLException {
		if (tenantId == null || !ID.matcher(tenantId).matches()) {
			throw new IllegalArgumentException("tenant id '" + tenantId
					+ "': lower-case letters, digits and dashes, up to 64");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("tenant " + tenantId + " needs a name");
		}
		if (get(connection, tenantId).isPresent()) {
			throw new IllegalStateException("tenant " + tenantId + " exists already");
		}
		OffsetDateTime now = StoreTime.now();
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tenants (tenant_id, name, "
				+ "interchange_id, template, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, name.strip());
			insert.setString(3, interchangeId);
			insert.setString(4, template);
			insert.setObject(5, now);
			insert.setString(6, actor);
			insert.executeUpdate();
		}
		return new Tenant(tenantId, name.strip(), interchangeId, template, now, actor);
	}

	private static List<Tenant> read(Connection connection, String sql, String tenantId) throws SQLException {
		List<Tenant> tenants = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			if (tenantId != null) {
				query.setString(1, tenantId);
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					tenants.add(new Tenant(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
							rows.getObject(5, OffsetDateTime.class), rows.getString(6)));
				}
			}
		}
		return tenants;
	}
}
