package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A tenant's partners and their routes as stored, in the caller's transaction. */
public final class PartnerSettings {

	/** A partner: its id, its name, and how interchanges to it are enveloped ({@code ZZ:US>ZZ:THEM}), if X12. */
	public record Partner(String id, String name, String x12Envelope) {
	}

	/**
	 * One document type a partner sends or receives, the workflow it runs, the mapping that translates it, and for
	 * inbound files the names it takes (a glob; null when told otherwise).
	 */
	public record Route(String partnerId, String documentType, String direction, String flow, String workflow,
			String mapping, String filePattern) {
	}

	public boolean isEmpty(Connection connection, String tenantId) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT COUNT(*) FROM partners WHERE tenant_id = ?")) {
			query.setString(1, tenantId);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getInt(1) == 0;
			}
		}
	}

	public List<Partner> partners(Connection connection, String tenantId) throws SQLException {
		List<Partner> partners = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT partner_id, name, x12_envelope FROM partners "
				+ "WHERE tenant_id = ? ORDER BY partner_id")) {
			query.setString(1, tenantId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					partners.add(new Partner(rows.getString(1), rows.getString(2), rows.getString(3)));
				}
			}
		}
		return partners;
	}

	public List<Route> routes(Connection connection, String tenantId) throws SQLException {
		List<Route> routes = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT partner_id, document_type, direction, flow, "
				+ "workflow, mapping, file_pattern FROM partner_routes WHERE tenant_id = ? ORDER BY partner_id, direction, "
				+ "document_type")) {
			query.setString(1, tenantId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					routes.add(new Route(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
							rows.getString(5), rows.getString(6), rows.getString(7)));
				}
			}
		}
		return routes;
	}

	/** Writes a partner and replaces all its routes. */
	public void put(Connection connection, String tenantId, Partner partner, List<Route> routes, String actor)
			throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM partners WHERE tenant_id = ? AND partner_id = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, partner.id());
			delete.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partners (tenant_id, partner_id, name, "
				+ "x12_envelope, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, partner.id());
			insert.setString(3, partner.name());
			insert.setString(4, partner.x12Envelope());
			insert.setObject(5, StoreTime.now());
			insert.setString(6, actor);
			insert.executeUpdate();
		}
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM partner_routes WHERE tenant_id = ? AND partner_id = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, partner.id());
			delete.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partner_routes (tenant_id, partner_id, "
				+ "document_type, direction, flow, workflow, mapping, file_pattern) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			for (Route route : routes) {
				insert.setString(1, tenantId);
				insert.setString(2, partner.id());
				insert.setString(3, route.documentType());
				insert.setString(4, route.direction());
				insert.setString(5, route.flow());
				insert.setString(6, route.workflow());
				insert.setString(7, route.mapping());
				insert.setString(8, route.filePattern());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}
}
