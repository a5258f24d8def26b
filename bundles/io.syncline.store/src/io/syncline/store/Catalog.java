package io.syncline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Items, the SKU cross-reference and supplier items of a tenant, read and written in the caller's transaction. */
public final class Catalog {

	/** What a supplier sells us: the stored state a catalog update is compared with. */
	public record SupplierItemRow(String partnerId, String supplierSku, String itemNumber, String uom,
			BigDecimal packQuantity, BigDecimal cost, String currency, Integer leadTimeDays, BigDecimal moq,
			LocalDate effectiveDate) {
	}

	private final Dialect dialect;

	public Catalog(Dialect dialect) {
		this.dialect = dialect;
	}

	/** Adds an item to the item master, or leaves an existing one as it is. */
	public void addItem(Connection connection, String tenantId, String itemNumber, String description, String baseUom,
			BigDecimal safetyStock, BigDecimal reorderPoint) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(dialect.insertIfAbsent("items",
				new String[] { "tenant_id", "item_number" },
				new String[] { "description", "base_uom", "safety_stock", "reorder_point" }))) {
			insert.setString(1, tenantId);
			insert.setString(2, itemNumber);
			insert.setString(3, description);
			insert.setString(4, baseUom);
			insert.setBigDecimal(5, safetyStock);
			insert.setBigDecimal(6, reorderPoint);
			insert.executeUpdate();
		}
	}

	/** The item's safety stock, 0 when the item or its figure is unknown. */
	public BigDecimal safetyStock(Connection connection, String tenantId, String itemNumber) throws SQLException {
		return safetyStocks(connection, tenantId, List.of(itemNumber)).get(itemNumber);
	}

	/** The safety stock of each of these items in one query; 0 for an item or figure unknown. */
	public Map<String, BigDecimal> safetyStocks(Connection connection, String tenantId, Collection<String> items)
			throws SQLException {
		Map<String, BigDecimal> stocks = new HashMap<>();
		for (String item : items) {
			stocks.put(item, BigDecimal.ZERO);
		}
		if (items.isEmpty()) {
			return stocks;
		}
		String marks = String.join(", ", java.util.Collections.nCopies(items.size(), "?"));
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT item_number, safety_stock FROM items WHERE tenant_id = ? AND item_number IN (" + marks + ")")) {
			query.setString(1, tenantId);
			int index = 2;
			for (String item : items) {
				query.setString(index++, item);
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					if (rows.getBigDecimal(2) != null) {
						stocks.put(rows.getString(1), rows.getBigDecimal(2));
					}
				}
			}
		}
		return stocks;
	}

	/** What a supplier reports it has of one SKU. */
	public record Availability(String partnerId, String supplierSku, String itemNumber, BigDecimal quantity, String uom,
			LocalDate availableDate, OffsetDateTime asOf) {
	}

	/**
	 * Stores a supplier's availability report for one SKU unless a newer report is already stored; true if stored.
	 * Delete-if-older then insert-if-absent, both single statements in the caller's transaction.
	 */
	public boolean putAvailability(Connection connection, String tenantId, Availability report, long messageId)
			throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM supplier_availability WHERE tenant_id = ? "
				+ "AND partner_id = ? AND supplier_sku = ? AND as_of <= ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, report.partnerId());
			delete.setString(3, report.supplierSku());
			delete.setObject(4, report.asOf());
			delete.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement(dialect.insertIfAbsent("supplier_availability",
				new String[] { "tenant_id", "partner_id", "supplier_sku" },
				new String[] { "item_number", "quantity", "uom", "available_date", "as_of", "message_id" }))) {
			insert.setString(1, tenantId);
			insert.setString(2, report.partnerId());
			insert.setString(3, report.supplierSku());
			insert.setString(4, report.itemNumber());
			insert.setBigDecimal(5, report.quantity());
			insert.setString(6, report.uom());
			insert.setObject(7, report.availableDate());
			insert.setObject(8, report.asOf());
			insert.setLong(9, messageId);
			return insert.executeUpdate() == 1;
		}
	}

	public Optional<Availability> availability(Connection connection, String tenantId, String partnerId,
			String supplierSku) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT partner_id, supplier_sku, item_number, quantity, "
				+ "uom, available_date, as_of FROM supplier_availability WHERE tenant_id = ? AND partner_id = ? "
				+ "AND supplier_sku = ?")) {
			query.setString(1, tenantId);
			query.setString(2, partnerId);
			query.setString(3, supplierSku);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? Optional.of(new Availability(row.getString(1), row.getString(2), row.getString(3),
						row.getBigDecimal(4), row.getString(5), row.getObject(6, LocalDate.class),
						row.getObject(7, OffsetDateTime.class))) : Optional.empty();
			}
		}
	}

	/** Records that a supplier's SKU is one of our items; an existing mapping is kept. */
	public void addCrossReference(Connection connection, String tenantId, String partnerId, String supplierSku,
			String itemNumber) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(dialect.insertIfAbsent("item_xref",
				new String[] { "tenant_id", "partner_id", "supplier_sku" }, new String[] { "item_number" }))) {
			insert.setString(1, tenantId);
			insert.setString(2, partnerId);
			insert.setString(3, supplierSku);
			insert.setString(4, itemNumber);
			insert.executeUpdate();
		}
	}

	public Optional<String> itemFor(Connection connection, String tenantId, String partnerId, String supplierSku)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT item_number FROM item_xref WHERE tenant_id = ? AND partner_id = ? AND supplier_sku = ?")) {
			query.setString(1, tenantId);
			query.setString(2, partnerId);
			query.setString(3, supplierSku);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
			}
		}
	}

	/** The supplier item, locked for update so concurrent catalog updates of one SKU are serialised. */
	public Optional<SupplierItemRow> supplierItemForUpdate(Connection connection, String tenantId, String partnerId,
			String supplierSku) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT partner_id, supplier_sku, item_number, uom, "
				+ "pack_quantity, cost, currency, lead_time_days, moq, effective_date FROM supplier_items "
				+ "WHERE tenant_id = ? AND partner_id = ? AND supplier_sku = ? FOR UPDATE")) {
			query.setString(1, tenantId);
			query.setString(2, partnerId);
			query.setString(3, supplierSku);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					return Optional.empty();
				}
				int lead = row.getInt(8);
				return Optional.of(new SupplierItemRow(row.getString(1), row.getString(2), row.getString(3),
						row.getString(4), row.getBigDecimal(5), row.getBigDecimal(6), row.getString(7),
						row.wasNull() ? null : lead, row.getBigDecimal(9), row.getObject(10, LocalDate.class)));
			}
		}
	}

	/** Inserts or replaces a supplier item: delete and insert of one key, in the caller's transaction. */
	public void putSupplierItem(Connection connection, String tenantId, SupplierItemRow item, long messageId)
			throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM supplier_items WHERE tenant_id = ? AND partner_id = ? AND supplier_sku = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, item.partnerId());
			delete.setString(3, item.supplierSku());
			delete.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO supplier_items (tenant_id, partner_id, "
				+ "supplier_sku, item_number, uom, pack_quantity, cost, currency, lead_time_days, moq, effective_date, "
				+ "message_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, item.partnerId());
			insert.setString(3, item.supplierSku());
			insert.setString(4, item.itemNumber());
			insert.setString(5, item.uom());
			insert.setBigDecimal(6, item.packQuantity());
			insert.setBigDecimal(7, item.cost());
			insert.setString(8, item.currency());
			insert.setObject(9, item.leadTimeDays());
			insert.setBigDecimal(10, item.moq());
			insert.setObject(11, item.effectiveDate());
			insert.setLong(12, messageId);
			insert.setObject(13, StoreTime.now());
			insert.executeUpdate();
		}
	}
}
