package io.syncline.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.syncline.model.canonical.Address;
import io.syncline.model.canonical.CanonicalFactory;
import io.syncline.model.canonical.Channel;
import io.syncline.model.canonical.Item;
import io.syncline.model.canonical.Money;
import io.syncline.model.canonical.Quantity;
import io.syncline.model.canonical.SalesOrder;
import io.syncline.model.canonical.SalesOrderLine;
import io.syncline.model.canonical.SalesOrderStatus;
import io.syncline.store.AuditLog;
import io.syncline.store.Catalog;
import io.syncline.store.Inventory;
import io.syncline.store.Inventory.Position;
import io.syncline.store.SalesOrderShipments;
import io.syncline.store.SalesOrders;
import io.syncline.store.Store;

/**
 * A sales order leaving the warehouse: what the warehouse confirms as shipped is taken off the order's allocation
 * and off the stock on hand (ATP does not move: the stock was already promised, and the history says why both
 * fell), the order becomes shipped or partially shipped, and the shipment is recorded and audited. The order as it
 * shipped comes back as a canonical document, for the ship notice and invoice an EDI customer is owed.
 * <p>
 * A confirmation names quantities per line, or none to ship everything allocated and not yet shipped. Shipping more
 * than that is refused with the line and the quantities, and so is a confirmation with nothing left to ship: a
 * confirmation sent twice does not ship twice.
 */
public final class OrderFulfilment {

	/**
	 * What shipped: quantities per line number, or per item (as a warehouse reports what it picked, spread over the
	 * item's lines in line order), or neither for everything allocated and not yet shipped.
	 */
	public record Request(String order, String carrier, String trackingNumber, Map<Integer, BigDecimal> quantities,
			Map<String, BigDecimal> itemQuantities) {
		public Request {
			quantities = quantities == null ? Map.of() : Map.copyOf(quantities);
			itemQuantities = itemQuantities == null ? Map.of() : Map.copyOf(itemQuantities);
		}

		public Request(String order, String carrier, String trackingNumber, Map<Integer, BigDecimal> quantities) {
			this(order, carrier, trackingNumber, quantities, null);
		}
	}

	/** One shipment made: what shipped of which line, and the order as shipped (those lines only). */
	public record Shipped(String orderNumber, String customerPo, String channel, String customerId, int shipmentNumber,
			String status,
			Map<Integer, BigDecimal> lines, SalesOrder document) {
	}

	private final SalesOrders orders;
	private final SalesOrderShipments shipments = new SalesOrderShipments();
	private final Inventory inventory = new Inventory();
	private final AtpCalculator calculator;
	private final AuditLog audit = new AuditLog();

	public OrderFulfilment(Store store) {
		this.orders = new SalesOrders(store.dialect());
		this.calculator = new AtpCalculator(new Catalog(store.dialect()));
	}

	public Shipped ship(Connection connection, String tenantId, Request request, String actor) throws SQLException {
		SalesOrders.Header header = orders.header(connection, tenantId, request.order())
				.orElseThrow(() -> new IllegalArgumentException("no sales order '" + request.order() + "'"));
		String number = header.orderNumber();
		shipments.lockOrder(connection, tenantId, number);
		List<SalesOrders.Line> lines = orders.lines(connection, tenantId, number);
		Map<Integer, BigDecimal> shippedBefore = shipments.shippedByLine(connection, tenantId, number);
		Map<Integer, BigDecimal> open = openQuantities(lines, shippedBefore);
		Map<Integer, BigDecimal> now = toShip(number, open,
				request.itemQuantities().isEmpty() ? request.quantities() : byLine(number, lines, open, request));
		// every refusal comes before the first write, so a refused confirmation leaves nothing behind
		Map<Integer, Position> positions = new LinkedHashMap<>();
		for (SalesOrders.Line line : lines) {
			if (now.containsKey(line.lineNumber())) {
				positions.put(line.lineNumber(), inventory.positionForUpdate(connection, tenantId, line.itemNumber(),
						header.warehouse()).orElseThrow(() -> new IllegalStateException(line.itemNumber()
								+ " has no stock position at " + header.warehouse() + " to ship " + number + " line "
								+ line.lineNumber() + " from")));
			}
		}
		int shipment = shipments.record(connection, tenantId, number, request.carrier(), request.trackingNumber(), actor,
				now);
		AtpRules rules = calculator.rules(connection, tenantId);
		boolean complete = true;
		for (SalesOrders.Line line : lines) {
			BigDecimal quantity = now.get(line.lineNumber());
			if (quantity != null) {
				release(connection, tenantId, header, line, positions.get(line.lineNumber()), quantity,
						number + "#" + shipment, rules);
			}
			BigDecimal total = shippedBefore.getOrDefault(line.lineNumber(), BigDecimal.ZERO)
					.add(quantity == null ? BigDecimal.ZERO : quantity);
			complete &= total.compareTo(line.quantity()) >= 0;
		}
		String status = complete ? SalesOrderStatus.SHIPPED.getName() : SalesOrderStatus.PARTIALLY_SHIPPED.getName();
		orders.setStatus(connection, tenantId, number, status);
		audit.append(connection, tenantId, actor, "SHIP", "SO " + number, header.status(),
				status + ", shipment " + shipment + ": " + describe(now),
				join("carrier " + request.carrier(), "tracking " + request.trackingNumber()));
		SalesOrder document = document(connection, tenantId, header, lines, now, status);
		document.setCarrierCode(request.carrier());
		document.setTrackingNumber(request.trackingNumber());
		return new Shipped(number, header.customerPo(), header.channel(), header.customerId(), shipment, status, now,
				document);
	}

	/** Per line: what is allocated and not yet shipped. */
	private static Map<Integer, BigDecimal> openQuantities(List<SalesOrders.Line> lines,
			Map<Integer, BigDecimal> shippedBefore) {
		Map<Integer, BigDecimal> open = new LinkedHashMap<>();
		for (SalesOrders.Line line : lines) {
			BigDecimal left = line.allocated().subtract(shippedBefore.getOrDefault(line.lineNumber(), BigDecimal.ZERO));
			open.put(line.lineNumber(), left.max(BigDecimal.ZERO));
		}
		return open;
	}

	/** Item quantities spread over each item's lines in line order, each line up to what is open on it. */
	private static Map<Integer, BigDecimal> byLine(String number, List<SalesOrders.Line> lines,
			Map<Integer, BigDecimal> open, Request request) {
		Map<Integer, BigDecimal> byLine = new LinkedHashMap<>();
		for (Map.Entry<String, BigDecimal> item : new java.util.TreeMap<>(request.itemQuantities()).entrySet()) {
			BigDecimal left = item.getValue();
			boolean onOrder = false;
			for (SalesOrders.Line line : lines) {
				if (line.itemNumber().equals(item.getKey()) && left.signum() > 0) {
					onOrder = true;
					BigDecimal take = left.min(open.get(line.lineNumber()));
					if (take.signum() > 0) {
						byLine.put(line.lineNumber(), take);
						left = left.subtract(take);
					}
				}
			}
			if (!onOrder) {
				throw new IllegalArgumentException(number + " has no line for item " + item.getKey());
			}
			if (left.signum() > 0) {
				throw new IllegalArgumentException(number + ": cannot ship " + Decimals.plain(item.getValue()) + " of "
						+ item.getKey() + ", " + Decimals.plain(item.getValue().subtract(left))
						+ " is allocated and not yet shipped");
			}
		}
		return byLine;
	}

	private static Map<Integer, BigDecimal> toShip(String number, Map<Integer, BigDecimal> open,
			Map<Integer, BigDecimal> requested) {
		Map<Integer, BigDecimal> now = new LinkedHashMap<>();
		if (requested.isEmpty()) {
			open.forEach((line, left) -> {
				if (left.signum() > 0) {
					now.put(line, left);
				}
			});
		} else {
			for (Map.Entry<Integer, BigDecimal> entry : new java.util.TreeMap<>(requested).entrySet()) {
				BigDecimal left = open.get(entry.getKey());
				if (left == null) {
					throw new IllegalArgumentException(number + " has no line " + entry.getKey());
				}
				if (entry.getValue().signum() <= 0 || entry.getValue().compareTo(left) > 0) {
					throw new IllegalArgumentException(number + " line " + entry.getKey() + ": cannot ship "
							+ Decimals.plain(entry.getValue()) + ", " + Decimals.plain(left)
							+ " is allocated and not yet shipped");
				}
				now.put(entry.getKey(), entry.getValue());
			}
		}
		if (now.isEmpty()) {
			throw new IllegalStateException(number + " has nothing left to ship: what was allocated has shipped");
		}
		return now;
	}

	/** The shipped stock leaves on hand and the order's allocation alike. */
	private void release(Connection connection, String tenantId, SalesOrders.Header header, SalesOrders.Line line,
			Position position, BigDecimal quantity, String reference, AtpRules rules) throws SQLException {
		String warehouse = header.warehouse();
		BigDecimal safety = calculator.safetyStock(connection, tenantId, line.itemNumber());
		BigDecimal before = calculator.atp(connection, tenantId, position, rules, safety);
		Position after = new Position(position.itemNumber(), warehouse, position.onHand().subtract(quantity),
				position.allocated().subtract(quantity).max(BigDecimal.ZERO), position.damaged(), position.inTransit(),
				position.asOf());
		inventory.put(connection, tenantId, after);
		inventory.recordAtp(connection, tenantId, line.itemNumber(), warehouse, "SHIPMENT", reference, before,
				calculator.atp(connection, tenantId, after, rules, safety), "shipped " + Decimals.plain(quantity) + " "
						+ line.uom() + " of " + header.orderNumber() + " line " + line.lineNumber()
						+ ": on hand and allocated each fell by it");
	}

	private SalesOrder document(Connection connection, String tenantId, SalesOrders.Header header,
			List<SalesOrders.Line> lines, Map<Integer, BigDecimal> now, String status) throws SQLException {
		CanonicalFactory make = CanonicalFactory.eINSTANCE;
		SalesOrder order = make.createSalesOrder();
		order.setOrderNumber(header.orderNumber());
		order.setChannel(Channel.getByName(header.channel()));
		order.setCustomerPo(header.customerPo());
		order.setOrderDate(header.orderDate());
		order.setRequestedDate(header.requestedDate());
		order.setStatus(SalesOrderStatus.getByName(status));
		shipments.shipTo(connection, tenantId, header.orderNumber()).ifPresent(shipTo -> {
			Address address = make.createAddress();
			address.setName(shipTo.name());
			address.setLocationQualifier(shipTo.qualifier());
			address.setLocationCode(shipTo.code());
			order.setShipTo(address);
		});
		for (SalesOrders.Line line : lines) {
			BigDecimal shipped = now.get(line.lineNumber());
			if (shipped == null) {
				continue;
			}
			SalesOrderLine copy = make.createSalesOrderLine();
			copy.setLineNumber(line.lineNumber());
			Item item = make.createItem();
			item.setItemNumber(line.itemNumber());
			copy.setItem(item);
			Quantity quantity = make.createQuantity();
			quantity.setValue(line.quantity());
			quantity.setUom(line.uom());
			copy.setQuantity(quantity);
			if (line.unitPrice() != null) {
				Money price = make.createMoney();
				price.setAmount(line.unitPrice());
				price.setCurrency(order.getCurrency());
				copy.setUnitPrice(price);
			}
			copy.setShippedQuantity(shipped);
			copy.setBackorderedQuantity(line.backordered());
			order.getLines().add(copy);
		}
		return order;
	}

	private static String describe(Map<Integer, BigDecimal> lines) {
		StringBuilder text = new StringBuilder();
		lines.forEach((line, quantity) -> text.append(text.length() == 0 ? "" : ", ").append("line ").append(line)
				.append(' ').append(Decimals.plain(quantity)));
		return text.toString();
	}

	private static String join(String... parts) {
		return String.join("; ", java.util.Arrays.stream(parts).filter(p -> !p.endsWith(" null")).toList());
	}
}
