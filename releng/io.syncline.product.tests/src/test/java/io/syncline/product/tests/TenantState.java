package io.syncline.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business state of a tenant as its runtime's database holds it, read without the tenant's id, so that two
 * tenants fed the same documents can be held to each other row for row.
 */
final class TenantState {

	private TenantState() {
	}

	/** What each query reads of a tenant's state, without the tenant's id: the rows, sorted. */
	private static final Map<String, String> STATE = new LinkedHashMap<>();
	static {
		STATE.put("sales orders", "SELECT order_number, channel, customer_id, customer_po, status, warehouse "
				+ "FROM sales_orders WHERE tenant_id = ?");
		STATE.put("sales order lines", "SELECT order_number, line_number, item_number, quantity, uom, "
				+ "allocated_quantity, backordered_quantity FROM so_lines WHERE tenant_id = ?");
		STATE.put("stock (ATP)", "SELECT item_number, warehouse, on_hand, allocated, damaged, in_transit "
				+ "FROM inventory_positions WHERE tenant_id = ?");
		STATE.put("purchase orders", "SELECT po_number, supplier_id, status, acknowledgment FROM purchase_orders "
				+ "WHERE tenant_id = ?");
		STATE.put("purchase order lines", "SELECT po_number, line_number, accepted_quantity, backordered_quantity, "
				+ "backorder_date, proposed_price, agreed_price, shipped_quantity FROM po_lines WHERE tenant_id = ?");
		STATE.put("expected receipts", "SELECT shipment_number, supplier_sku, po_number, quantity FROM expected_receipts "
				+ "WHERE tenant_id = ?");
		STATE.put("invoices", "SELECT invoice_number, po_number, total, match_status FROM invoices WHERE tenant_id = ?");
		STATE.put("exceptions", "SELECT kind, business_key, location, state FROM exceptions WHERE tenant_id = ?");
		STATE.put("messages in", "SELECT partner_id, document_type, source_name, status FROM messages "
				+ "WHERE tenant_id = ? AND direction = 'IN'");
		STATE.put("documents out (855, 997, 850 …)", "SELECT partner_id, document_type, source_name FROM messages "
				+ "WHERE tenant_id = ? AND direction = 'OUT'");
		STATE.put("control numbers", "SELECT partner_id, kind, last_value FROM control_numbers WHERE tenant_id = ?");
	}

	/** Every part of {@code actual}'s state is {@code expected}'s, and none of {@code expected}'s is empty. */
	static void assertSame(Connection db, String expected, String actual) throws SQLException {
		for (Map.Entry<String, String> part : STATE.entrySet()) {
			List<String> wanted = rows(db, part.getValue(), expected);
			assertTrue(!wanted.isEmpty() || part.getKey().equals("control numbers"), part.getKey() + " is empty");
			assertEquals(wanted, rows(db, part.getValue(), actual),
					part.getKey() + ": " + actual + " differs from " + expected);
		}
	}

	private static List<String> rows(Connection db, String sql, String tenant) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (PreparedStatement query = db.prepareStatement(sql)) {
			query.setString(1, tenant);
			try (ResultSet result = query.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					List<String> row = new ArrayList<>();
					for (int c = 1; c <= columns; c++) {
						Object value = result.getObject(c);
						row.add(value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
								: String.valueOf(value));
					}
					rows.add(String.join(" | ", row).replaceAll("-\\d+\\.edi\\b", ".edi"));
				}
			}
		}
		Collections.sort(rows);
		return rows;
	}
}
