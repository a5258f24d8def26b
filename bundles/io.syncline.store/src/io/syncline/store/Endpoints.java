package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's endpoints as stored, in the caller's transaction. Settings are the caller's JSON; secrets are bytes the
 * caller sealed: this class never sees a secret in clear.
 */
public final class Endpoints {

	/** One endpoint row. {@code scheduleSeconds} null: it does not poll. {@code documentTypes} null: all. */
	public record Row(String endpointId, String partnerId, String direction, String kind, String settings,
			byte[] sealedSecrets, String secretNames, Integer scheduleSeconds, String documentTypes, boolean enabled,
			java.time.OffsetDateTime updatedAt, String updatedBy) {
	}

	private static final String COLUMNS = "endpoint_id, partner_id, direction, kind, settings, secrets, secret_names, "
			+ "schedule_seconds, document_types, enabled, updated_at, updated_by";

	public List<Row> all(Connection connection, String tenantId) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM endpoints "
				+ "WHERE tenant_id = ? ORDER BY partner_id, direction, endpoint_id")) {
			query.setString(1, tenantId);
			return rows(query);
		}
	}

	public Optional<Row> get(Connection connection, String tenantId, String endpointId) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM endpoints "
				+ "WHERE tenant_id = ? AND endpoint_id = ?")) {
			query.setString(1, tenantId);
			query.setString(2, endpointId);
			return rows(query).stream().findFirst();
		}
	}

	/** Writes the endpoint, replacing one of the same id. */
	public void put(Connection connection, String tenantId, Row row) throws SQLException {
		remove(connection, tenantId, row.endpointId());
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO endpoints (tenant_id, " + COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, row.endpointId());
			insert.setString(3, row.partnerId());
			insert.setString(4, row.direction());
			insert.setString(5, row.kind());
			insert.setString(6, row.settings());
			insert.setBytes(7, row.sealedSecrets());
			insert.setString(8, row.secretNames());
			insert.setObject(9, row.scheduleSeconds());
			insert.setString(10, row.documentTypes());
			insert.setBoolean(11, row.enabled());
			insert.setObject(12, row.updatedAt() == null ? StoreTime.now() : row.updatedAt());
			insert.setString(13, row.updatedBy());
			insert.executeUpdate();
		}
	}

	/** Removes the endpoint; its pickups stay, so a file it took is not taken again by an endpoint of the same id. */
	public boolean remove(Connection connection, String tenantId, String endpointId) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM endpoints WHERE tenant_id = ? AND endpoint_id = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, endpointId);
			return delete.executeUpdate() > 0;
		}
	}

	/**
	 * Copies a template's endpoints into a new tenant without their secrets, and disabled: the new tenant's own
	 * passwords and keys are typed in before they run. Returns how many were copied.
	 */
	public int copyWithoutSecrets(Connection connection, String fromTenant, String toTenant, String actor)
			throws SQLException {
		int copied = 0;
		for (Row row : all(connection, fromTenant)) {
			put(connection, toTenant, new Row(row.endpointId(), row.partnerId(), row.direction(), row.kind(),
					row.settings(), null, null, row.scheduleSeconds(), row.documentTypes(), false, null, actor));
			copied++;
		}
		return copied;
	}

	/** An endpoint's sealed secrets, wherever they are: what a start checks its key against. */
	public record Sealed(String tenantId, String endpointId, byte[] secrets) {
	}

	public List<Sealed> sealed(Connection connection) throws SQLException {
		List<Sealed> sealed = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT tenant_id, endpoint_id, secrets FROM endpoints "
				+ "WHERE secrets IS NOT NULL ORDER BY tenant_id, endpoint_id")) {
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					sealed.add(new Sealed(rows.getString(1), rows.getString(2), rows.getBytes(3)));
				}
			}
		}
		return sealed;
	}

	private static List<Row> rows(PreparedStatement query) throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (ResultSet result = query.executeQuery()) {
			while (result.next()) {
				rows.add(new Row(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
						result.getString(5), result.getBytes(6), result.getString(7), result.getObject(8, Integer.class),
						result.getString(9), result.getBoolean(10),
						result.getObject(11, java.time.OffsetDateTime.class), result.getString(12)));
			}
		}
		return rows;
	}
}
