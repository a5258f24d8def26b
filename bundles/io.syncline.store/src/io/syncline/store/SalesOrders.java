package io.syncline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Sales orders and their allocated and backordered lines, in the caller's transaction. */
public final class SalesOrders {

	public record Header(String orderNumber, String channel, String customerId, String customerPo, String status,
			LocalDate orderDate, LocalDate requestedDate, String warehouse) {
	}

	public record Line(int lineNumber, String itemNumber, BigDecimal quantity, String uom, BigDecimal unitPrice,
			BigDecimal allocated, BigDecimal backordered) {
	}

	private final Dialect dialect;

	public SalesOrders(Dialect dialect) {
		this.dialect = dialect;
	}

	/** Records a new order; false if an order with that number exists (a re-sent order is not taken twice). */
	public boolean insertIfNew(Connection connection, String tenantId, Header header) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(dialect.insertIfAbsent("sales_orders",
				new String[] { "tenant_id", "order_number" }, new String[] { "channel", "customer_id", "customer_po",
						"status", "order_date", "requested_date", "warehouse", "updated_at" }))) {
			insert.setString(1, tenantId);
			insert.setString(2, header.orderNumber());
			insert.setString(3, header.channel());
			insert.setString(4, header.customerId());
			insert.setString(5, header.customerPo());
			insert.setString(6, header.status());
			insert.setObject(7, header.orderDate());
			insert.setObject(8, header.requestedDate());
			insert.setString(9, header.warehouse());
			insert.setObject(10, OffsetDateTime.now());
			return insert.executeUpdate() == 1;
		}
	}

	public void insertLine(Connection connection, String tenantId, String orderNumber, Line line) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO so_lines (tenant_id, order_number, "
				+ "line_number, item_number, quantity, uom, unit_price, allocated_quantity, backordered_quantity) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, orderNumber);
			insert.setInt(3, line.lineNumber());
			insert.setString(4, line.itemNumber());
			insert.setBigDecimal(5, line.quantity());
			insert.setString(6, line.uom());
			insert.setBigDecimal(7, line.unitPrice());
			insert.setBigDecimal(8, line.allocated());
			insert.setBigDecimal(9, line.backordered());
			insert.executeUpdate();
		}
	}

	public void setStatus(Connection connection, String tenantId, String orderNumber, String status)
			throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE sales_orders SET status = ?, updated_at = ? WHERE tenant_id = ? AND order_number = ?")) {
			update.setString(1, status);
			update.setObject(2, OffsetDateTime.now());
			update.setString(3, tenantId);
			update.setString(4, orderNumber);
			update.executeUpdate();
		}
	}
}
