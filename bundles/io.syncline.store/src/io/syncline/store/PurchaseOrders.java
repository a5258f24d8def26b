package io.syncline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Purchase orders, their lines, expected receipts and invoices, in the caller's transaction. */
public final class PurchaseOrders {

	public record Header(String poNumber, String supplierId, String status, LocalDate orderDate,
			LocalDate requestedDate, String currency, String warehouse, String acknowledgment) {
	}

	/** A line as sent, as acknowledged (accepted, backordered, proposed price) and as shipped so far. */
	public record Line(int lineNumber, String itemNumber, String supplierSku, BigDecimal quantity, String uom,
			BigDecimal unitPrice, BigDecimal accepted, BigDecimal backordered, LocalDate backorderDate,
			BigDecimal proposedPrice, BigDecimal agreedPrice, BigDecimal shipped) {
	}

	/** An invoice as matched: {@code matchStatus} MATCHED or MISMATCH. */
	public record InvoiceRow(String invoiceNumber, String poNumber, BigDecimal total, String matchStatus,
			Long messageId, OffsetDateTime updatedAt) {
	}

	public record Receipt(String shipmentNumber, String supplierSku, String poNumber, String warehouse,
			BigDecimal quantity, String uom, LocalDate expectedDate, String trackingNumber) {
	}

	public void insert(Connection connection, String tenantId, Header header, List<Line> lines) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO purchase_orders (tenant_id, po_number, "
				+ "supplier_id, status, order_date, requested_date, currency, warehouse, acknowledgment, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, header.poNumber());
			insert.setString(3, header.supplierId());
			insert.setString(4, header.status());
			insert.setObject(5, header.orderDate());
			insert.setObject(6, header.requestedDate());
			insert.setString(7, header.currency());
			insert.setString(8, header.warehouse());
			insert.setString(9, header.acknowledgment());
			insert.setObject(10, StoreTime.now());
			insert.executeUpdate();
		}
		for (Line line : lines) {
			insertLine(connection, tenantId, header.poNumber(), line);
		}
	}

	private static void insertLine(Connection connection, String tenantId, String poNumber, Line line)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO po_lines (tenant_id, po_number, "
				+ "line_number, item_number, supplier_sku, quantity, uom, unit_price, accepted_quantity, "
				+ "backordered_quantity, backorder_date, proposed_price, agreed_price, shipped_quantity) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, poNumber);
			insert.setInt(3, line.lineNumber());
			insert.setString(4, line.itemNumber());
			insert.setString(5, line.supplierSku());
			insert.setBigDecimal(6, line.quantity());
			insert.setString(7, line.uom());
			insert.setBigDecimal(8, line.unitPrice());
			insert.setBigDecimal(9, line.accepted());
			insert.setBigDecimal(10, line.backordered());
			insert.setObject(11, line.backorderDate());
			insert.setBigDecimal(12, line.proposedPrice());
			insert.setBigDecimal(13, line.agreedPrice());
			insert.setBigDecimal(14, line.shipped());
			insert.executeUpdate();
		}
	}

	public void replaceLine(Connection connection, String tenantId, String poNumber, Line line) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM po_lines WHERE tenant_id = ? AND po_number = ? AND line_number = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, poNumber);
			delete.setInt(3, line.lineNumber());
			delete.executeUpdate();
		}
		insertLine(connection, tenantId, poNumber, line);
	}

	/** The order's header, locked: changes to one PO are serialised. */
	public Optional<Header> headerForUpdate(Connection connection, String tenantId, String poNumber) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT po_number, supplier_id, status, order_date, "
				+ "requested_date, currency, warehouse, acknowledgment FROM purchase_orders WHERE tenant_id = ? "
				+ "AND po_number = ? FOR UPDATE")) {
			query.setString(1, tenantId);
			query.setString(2, poNumber);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? Optional.of(new Header(row.getString(1), row.getString(2), row.getString(3),
						row.getObject(4, LocalDate.class), row.getObject(5, LocalDate.class), row.getString(6),
						row.getString(7), row.getString(8))) : Optional.empty();
			}
		}
	}

	public List<Line> lines(Connection connection, String tenantId, String poNumber) throws SQLException {
		List<Line> lines = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT line_number, item_number, supplier_sku, "
				+ "quantity, uom, unit_price, accepted_quantity, backordered_quantity, backorder_date, proposed_price, "
				+ "agreed_price, shipped_quantity FROM po_lines WHERE tenant_id = ? AND po_number = ? ORDER BY line_number")) {
			query.setString(1, tenantId);
			query.setString(2, poNumber);
			try (ResultSet row = query.executeQuery()) {
				while (row.next()) {
					lines.add(new Line(row.getInt(1), row.getString(2), row.getString(3), row.getBigDecimal(4),
							row.getString(5), row.getBigDecimal(6), row.getBigDecimal(7), row.getBigDecimal(8),
							row.getObject(9, LocalDate.class), row.getBigDecimal(10), row.getBigDecimal(11),
							row.getBigDecimal(12)));
				}
			}
		}
		return lines;
	}

	public void setStatus(Connection connection, String tenantId, String poNumber, String status, String acknowledgment)
			throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE purchase_orders SET status = ?, "
				+ "acknowledgment = COALESCE(?, acknowledgment), updated_at = ? WHERE tenant_id = ? AND po_number = ?")) {
			update.setString(1, status);
			update.setString(2, acknowledgment);
			update.setObject(3, StoreTime.now());
			update.setString(4, tenantId);
			update.setString(5, poNumber);
			update.executeUpdate();
		}
	}

	public void putReceipt(Connection connection, String tenantId, Receipt receipt) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM expected_receipts WHERE tenant_id = ? AND shipment_number = ? AND supplier_sku = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, receipt.shipmentNumber());
			delete.setString(3, receipt.supplierSku());
			delete.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO expected_receipts (tenant_id, "
				+ "shipment_number, supplier_sku, po_number, warehouse, quantity, uom, expected_date, tracking_number) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, receipt.shipmentNumber());
			insert.setString(3, receipt.supplierSku());
			insert.setString(4, receipt.poNumber());
			insert.setString(5, receipt.warehouse());
			insert.setBigDecimal(6, receipt.quantity());
			insert.setString(7, receipt.uom());
			insert.setObject(8, receipt.expectedDate());
			insert.setString(9, receipt.trackingNumber());
			insert.executeUpdate();
		}
	}

	public List<Receipt> receipts(Connection connection, String tenantId, String shipmentNumber) throws SQLException {
		List<Receipt> receipts = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT shipment_number, supplier_sku, po_number, "
				+ "warehouse, quantity, uom, expected_date, tracking_number FROM expected_receipts WHERE tenant_id = ? "
				+ "AND shipment_number = ? ORDER BY supplier_sku")) {
			query.setString(1, tenantId);
			query.setString(2, shipmentNumber);
			try (ResultSet row = query.executeQuery()) {
				while (row.next()) {
					receipts.add(new Receipt(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
							row.getBigDecimal(5), row.getString(6), row.getObject(7, LocalDate.class), row.getString(8)));
				}
			}
		}
		return receipts;
	}

	public void putInvoice(Connection connection, String tenantId, String invoiceNumber, String poNumber,
			BigDecimal total, String matchStatus, long messageId) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM invoices WHERE tenant_id = ? AND invoice_number = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, invoiceNumber);
			delete.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invoices (tenant_id, invoice_number, "
				+ "po_number, total, match_status, message_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, invoiceNumber);
			insert.setString(3, poNumber);
			insert.setBigDecimal(4, total);
			insert.setString(5, matchStatus);
			insert.setLong(6, messageId);
			insert.setObject(7, StoreTime.now());
			insert.executeUpdate();
		}
	}

	public Optional<InvoiceRow> invoice(Connection connection, String tenantId, String invoiceNumber)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT invoice_number, po_number, total, "
				+ "match_status, message_id, updated_at FROM invoices WHERE tenant_id = ? AND invoice_number = ?")) {
			query.setString(1, tenantId);
			query.setString(2, invoiceNumber);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					return Optional.empty();
				}
				long messageId = row.getLong(5);
				return Optional.of(new InvoiceRow(row.getString(1), row.getString(2), row.getBigDecimal(3),
						row.getString(4), row.wasNull() ? null : messageId, row.getObject(6, OffsetDateTime.class)));
			}
		}
	}
}
