package io.syncline.runtime.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One shipment of a sales order: its number within the order, the order's status after it (SHIPPED or
 * PARTIALLY_SHIPPED), what shipped per line, and the documents sent to the customer for it (856, 810).
 */
public record ShipmentResult(String orderNumber, int shipmentNumber, String status, Map<Integer, BigDecimal> shipped,
		List<String> documentsSent) {

	public ShipmentResult {
		shipped = Map.copyOf(shipped);
		documentsSent = List.copyOf(documentsSent);
	}
}
