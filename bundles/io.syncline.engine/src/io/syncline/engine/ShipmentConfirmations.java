package io.syncline.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.syncline.model.canonical.Shipment;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.IdempotencyKeys;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/**
 * Shipments of sales orders, confirmed by a person or script through the API, or by the warehouse's shipment
 * confirmations: the order ships (see {@link OrderFulfilment}) and a customer that ordered by EDI is sent its ship
 * notice (856) and invoice (810) in the same transaction.
 */
public final class ShipmentConfirmations {

	/** A shipment made, with the documents sent for it (856, 810) to a customer that ordered by EDI. */
	public record ShipmentMade(OrderFulfilment.Shipped shipped, List<String> documentsSent) {
	}

	private final String tenantId;
	private final Outbound outbound;
	private final OrderFulfilment fulfilment;
	private final IdempotencyKeys idempotency;
	private final MessageJournal journal;
	private final ExceptionQueue exceptions;

	ShipmentConfirmations(Store store, String tenantId, Outbound outbound) {
		this.tenantId = tenantId;
		this.outbound = outbound;
		this.fulfilment = new OrderFulfilment(store);
		this.idempotency = new IdempotencyKeys(store.dialect());
		this.journal = new MessageJournal(store);
		this.exceptions = new ExceptionQueue(store);
	}

	/** Ships and notifies in the caller's transaction. */
	ShipmentMade ship(Connection connection, OrderFulfilment.Request request, String actor) throws SQLException {
		OrderFulfilment.Shipped shipped = fulfilment.ship(connection, tenantId, request, actor);
		return new ShipmentMade(shipped, notifyCustomer(connection, shipped));
	}

	/**
	 * A warehouse's shipment confirmation, once per shipment id: the order ships what was picked, by item. A
	 * confirmation the order cannot take (an item it does not have, more than is allocated) is refused before
	 * anything is written, and waits in the exception queue with the reason.
	 */
	String confirm(Connection connection, long message, Shipment shipment) throws SQLException {
		String order = orderOf(shipment);
		Map<String, String> keys = new HashMap<>(Map.of("SHIPMENT", shipment.getShipmentNumber(), "SO", order));
		if (shipment.getTrackingNumber() != null) {
			keys.put("TRACKING", shipment.getTrackingNumber());
		}
		journal.addKeys(connection, tenantId, message, keys);
		if (!idempotency.claim(connection, tenantId, "wms-shipment/" + shipment.getShipmentNumber())) {
			return "DUPLICATE";
		}
		Map<String, BigDecimal> picked = new HashMap<>();
		shipment.getOrders().forEach(o -> o.getPackages().forEach(p -> p.getLines().forEach(line -> picked
				.merge(line.getItem().getItemNumber(), line.getQuantity().getValue(), BigDecimal::add))));
		try {
			return ship(connection, new OrderFulfilment.Request(order, shipment.getCarrierCode(),
					shipment.getTrackingNumber(), null, picked), "wms").shipped().status();
		} catch (IllegalArgumentException | IllegalStateException refused) {
			exceptions.open(connection, tenantId, message, "SHIPMENT_REFUSED", "SO:" + order,
					"shipment " + shipment.getShipmentNumber(), refused.getMessage());
			return "SHIPMENT_REFUSED";
		}
	}

	static String orderOf(Shipment shipment) {
		return shipment.getOrders().isEmpty() ? null : shipment.getOrders().get(0).getPoNumber();
	}

	private List<String> notifyCustomer(Connection connection, OrderFulfilment.Shipped shipped) throws SQLException {
		if (outbound == null || !"EDI".equals(shipped.channel()) || shipped.customerId() == null) {
			return List.of();
		}
		return outbound.notifyShipment(connection, shipped.customerId(), shipped);
	}
}
