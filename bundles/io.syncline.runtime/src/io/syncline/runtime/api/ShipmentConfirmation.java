package io.syncline.runtime.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The warehouse's word that (part of) a sales order left: the order (its number or the customer's PO), the carrier
 * and tracking number if known, and the quantity shipped per line number; no lines means everything allocated and
 * not yet shipped.
 */
public record ShipmentConfirmation(String order, String carrier, String trackingNumber, Map<Integer, BigDecimal> lines) {

	public ShipmentConfirmation {
		lines = lines == null ? Map.of() : Map.copyOf(lines);
	}
}
