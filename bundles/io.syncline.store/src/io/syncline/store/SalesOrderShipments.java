package io.syncline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What shipped of each sales order, shipment by shipment, and the ship-to address the order arrived with; in the
 * caller's transaction, which holds the order's row lock ({@link #lockOrder}) so two confirmations of the same
 * order queue up instead of both shipping the same stock.
 */
public final class SalesOrderShipments {

	public record ShipTo(String name, String qualifier, String code) {
	}

	public record Shipment(int shipmentNumber, String carrier, String trackingNumber, OffsetDateTime shippedAt,
			String shippedBy, Map<Integer, BigDecimal> lines) {
	}

	/** Locks the order's row until the transaction ends; false if there is no such order. */
	public boolean lockOrder(Connection connection, String tenantId, String orderNumber) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement(
				"SELECT order_number FROM sales_orders WHERE tenant_id = ? AND order_number = ? FOR UPDATE")) {
			lock.setString(1, tenantId);
			lock.setString(2, orderNumber);
			try (ResultSet row = lock.executeQuery()) {
				return row.next();
			}
		}
	}

	public void setShipTo(Connection connection, String tenantId, String orderNumber, ShipTo shipTo)
			throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE sales_orders SET ship_to_name = ?, "
				+ "ship_to_qualifier = ?, ship_to_code = ? WHERE tenant_id = ? AND order_number = ?")) {
			update.setString(1, shipTo.name());
			update.setString(2, shipTo.qualifier());
			update.setString(3, shipTo.code());
			update.setString(4, tenantId);
			update.setString(5, orderNumber);
			update.executeUpdate();
		}
	}

	public Optional<ShipTo> shipTo(Connection connection, String tenantId, String orderNumber) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT ship_to_name, ship_to_qualifier, "
				+ "ship_to_code FROM sales_orders WHERE tenant_id = ? AND order_number = ?")) {
			query.setString(1, tenantId);
			query.setString(2, orderNumber);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next() || row.getString(1) == null && row.getString(3) == null) {
					return Optional.empty();
				}
				return Optional.of(new ShipTo(row.getString(1), row.getString(2), row.getString(3)));
			}
		}
	}

	/** Quantity shipped so far per line number, over all shipments. */
	public Map<Integer, BigDecimal> shippedByLine(Connection connection, String tenantId, String orderNumber)
			throws SQLException {
		Map<Integer, BigDecimal> shipped = new LinkedHashMap<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT line_number, SUM(quantity) FROM "
				+ "so_shipment_lines WHERE tenant_id = ? AND order_number = ? GROUP BY line_number ORDER BY line_number")) {
			query.setString(1, tenantId);
			query.setString(2, orderNumber);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					shipped.put(rows.getInt(1), rows.getBigDecimal(2));
				}
			}
		}
		return shipped;
	}

	/** Records a shipment under the next number for the order (the caller holds the order's lock); returns it. */
	public int record(Connection connection, String tenantId, String orderNumber, String carrier, String trackingNumber,
			String shippedBy, Map<Integer, BigDecimal> lines) throws SQLException {
		int number;
		try (PreparedStatement next = connection.prepareStatement("SELECT COALESCE(MAX(shipment_number), 0) + 1 "
				+ "FROM so_shipments WHERE tenant_id = ? AND order_number = ?")) {
			next.setString(1, tenantId);
			next.setString(2, orderNumber);
			try (ResultSet row = next.executeQuery()) {
				row.next();
				number = row.getInt(1);
			}
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO so_shipments (tenant_id, order_number, "
				+ "shipment_number, carrier, tracking_number, shipped_at, shipped_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, orderNumber);
			insert.setInt(3, number);
			insert.setString(4, carrier);
			insert.setString(5, trackingNumber);
			insert.setObject(6, StoreTime.now());
			insert.setString(7, shippedBy);
			insert.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO so_shipment_lines (tenant_id, "
				+ "order_number, shipment_number, line_number, quantity) VALUES (?, ?, ?, ?, ?)")) {
			for (Map.Entry<Integer, BigDecimal> line : lines.entrySet()) {
				insert.setString(1, tenantId);
				insert.setString(2, orderNumber);
				insert.setInt(3, number);
				insert.setInt(4, line.getKey());
				insert.setBigDecimal(5, line.getValue());
				insert.addBatch();
			}
			insert.executeBatch();
		}
		return number;
	}

	/** Every shipment of an order, first first, with its lines. */
	public List<Shipment> shipments(Connection connection, String tenantId, String orderNumber) throws SQLException {
		List<Shipment> shipments = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT s.shipment_number, s.carrier, "
				+ "s.tracking_number, s.shipped_at, s.shipped_by, l.line_number, l.quantity FROM so_shipments s "
				+ "JOIN so_shipment_lines l ON l.tenant_id = s.tenant_id AND l.order_number = s.order_number "
				+ "AND l.shipment_number = s.shipment_number WHERE s.tenant_id = ? AND s.order_number = ? "
				+ "ORDER BY s.shipment_number, l.line_number")) {
			query.setString(1, tenantId);
			query.setString(2, orderNumber);
			try (ResultSet rows = query.executeQuery()) {
				Shipment current = null;
				while (rows.next()) {
					if (current == null || current.shipmentNumber() != rows.getInt(1)) {
						current = new Shipment(rows.getInt(1), rows.getString(2), rows.getString(3),
								rows.getObject(4, OffsetDateTime.class), rows.getString(5), new LinkedHashMap<>());
						shipments.add(current);
					}
					current.lines().put(rows.getInt(6), rows.getBigDecimal(7));
				}
			}
		}
		return shipments;
	}
}
