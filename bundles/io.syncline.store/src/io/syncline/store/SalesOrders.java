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
			insert.setObject(10, StoreTime.now());
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
			update.setObject(2, StoreTime.now());
			update.setString(3, tenantId);
			update.setString(4, orderNumber);
			update.executeUpdate();
		}
	}

	/** An order by its number, or by the customer's PO number (a BigBox 850 is known by both). */
	public Optional<Header> header(Connection connection, String tenantId, String orderOrCustomerPo) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT order_number, channel, customer_id, "
				+ "customer_po, status, order_date, requested_date, warehouse FROM sales_orders WHERE tenant_id = ? "
				+ "AND (order_number = ? OR customer_po = ?) ORDER BY order_number FETCH FIRST 1 ROWS ONLY")) {
			query.setString(1, tenantId);
			query.setString(2, orderOrCustomerPo);
			query.setString(3, orderOrCustomerPo);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					return Optional.empty();
				}
				return Optional.of(new Header(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
						row.getString(5), row.getObject(6, LocalDate.class), row.getObject(7, LocalDate.class),
						row.getString(8)));
			}
		}
	}

	public List<Line> lines(Connection connection, String tenantId, String orderNumber) throws SQLException {
		List<Line> lines = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT line_number, item_number, quantity, uom, "
				+ "unit_price, allocated_quantity, backordered_quantity FROM so_lines WHERE tenant_id = ? "
				+ "AND order_number = ? ORDER BY line_number")) {
			query.setString(1, tenantId);
			query.setString(2, orderNumber);
			try (ResultSet row = query.executeQuery()) {
				while (row.next()) {
					lines.add(new Line(row.getInt(1), row.getString(2), row.getBigDecimal(3), row.getString(4),
							row.getBigDecimal(5), row.getBigDecimal(6), row.getBigDecimal(7)));
				}
			}
		}
		return lines;
	}
}
