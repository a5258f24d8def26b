package io.syncline.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

import io.syncline.model.canonical.SalesOrder;
import io.syncline.model.canonical.SalesOrderLine;
import io.syncline.store.Catalog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.Inventory;
import io.syncline.store.Inventory.Position;
import io.syncline.store.SalesOrderShipments;
import io.syncline.store.SalesOrders;
import io.syncline.store.Store;

/**
 * Sales orders from the web shop and EDI customers, allocated against ATP at the fulfilling warehouse. Allocation
 * locks the stock position, so concurrent orders never oversell; what is not available is backordered, or with the
 * EXCEPTION rule also put before a person. The canonical order's lines are updated with what was backordered, for
 * the acknowledgment that goes back to the customer.
 */
public final class OrderSync {

	public enum Outcome {
		ALLOCATED, BACKORDERED, DUPLICATE
	}

	/** What a tenant wants done with a line that stock cannot cover. */
	public enum ShortageRule {
		BACKORDER, EXCEPTION
	}

	private final SalesOrders orders;
	private final SalesOrderShipments shipments = new SalesOrderShipments();
	private final Inventory inventory = new Inventory();
	private final ExceptionQueue exceptions;
	private final String warehouse;
	private final ShortageRule rule;
	private final AtpCalculator calculator;

	public OrderSync(Store store, String warehouse, ShortageRule rule) {
		this.orders = new SalesOrders(store.dialect());
		this.calculator = new AtpCalculator(new Catalog(store.dialect()));
		this.exceptions = new ExceptionQueue(store);
		this.warehouse = warehouse;
		this.rule = rule;
	}

	public Outcome accept(Connection connection, String tenantId, long messageId, SalesOrder order) throws SQLException {
		String number = order.getOrderNumber();
		if (!orders.insertIfNew(connection, tenantId, new SalesOrders.Header(number, order.getChannel().getName(),
				order.getCustomer() == null ? null : order.getCustomer().getPartnerId(), order.getCustomerPo(), "NEW",
				order.getOrderDate(), order.getRequestedDate(), warehouse))) {
			return Outcome.DUPLICATE;
		}
		if (order.getShipTo() != null) {
			shipments.setShipTo(connection, tenantId, number, new SalesOrderShipments.ShipTo(order.getShipTo().getName(),
					order.getShipTo().getLocationQualifier(), order.getShipTo().getLocationCode()));
		}
		boolean short_ = false;
		AtpRules rules = calculator.rules(connection, tenantId);
		for (SalesOrderLine line : order.getLines()) {
			String item = line.getItem().getItemNumber();
			BigDecimal quantity = line.getQuantity().getValue();
			Position position = inventory.positionForUpdate(connection, tenantId, item, warehouse)
					.orElse(new Position(item, warehouse, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
							BigDecimal.ZERO, null));
			BigDecimal atp = calculator.atp(connection, tenantId, position, rules);
			// the channel may take only what is not reserved for the other channels
			BigDecimal forChannel = rules.forChannel(order.getChannel().getName(), atp);
			BigDecimal allocated = quantity.min(forChannel.max(BigDecimal.ZERO));
			BigDecimal backordered = quantity.subtract(allocated);
			if (allocated.signum() > 0) {
				inventory.put(connection, tenantId, new Position(item, warehouse, position.onHand(),
						position.allocated().add(allocated), position.damaged(), position.inTransit(), position.asOf()));
				inventory.recordAtp(connection, tenantId, item, warehouse, "ORDER", number, atp, atp.subtract(allocated),
						"allocated " + Decimals.plain(allocated) + " " + line.getQuantity().getUom() + " to " + number + " line "
								+ line.getLineNumber());
			}
			if (backordered.signum() > 0) {
				short_ = true;
				if (rule == ShortageRule.EXCEPTION) {
					exceptions.open(connection, tenantId, messageId, "SHORTAGE", number + "/" + line.getLineNumber(),
							LineItems.location(number, line.getLineNumber()), item + ": ordered " + Decimals.plain(quantity) + ", available "
									+ Decimals.plain(forChannel.max(BigDecimal.ZERO)) + " at " + warehouse + " for "
									+ order.getChannel().getName() + "; " + Decimals.plain(backordered)
									+ " backordered");
				}
			}
			line.setBackorderedQuantity(backordered);
			orders.insertLine(connection, tenantId, number, new SalesOrders.Line(line.getLineNumber(), item, quantity,
					line.getQuantity().getUom(), line.getUnitPrice() == null ? null : line.getUnitPrice().getAmount(),
					allocated, backordered));
		}
		orders.setStatus(connection, tenantId, number, short_ ? "BACKORDERED" : "ALLOCATED");
		return short_ ? Outcome.BACKORDERED : Outcome.ALLOCATED;
	}
}
