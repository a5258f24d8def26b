package io.syncline.mapping.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;

import io.syncline.model.canonical.Item;
import io.syncline.model.canonical.UomConversion;

/** Units of measure per item: how many base units one unit holds. Built from canonical items. */
public final class UomCatalog {

	private final Map<String, Map<String, BigDecimal>> factorsByItem = new HashMap<>();

	public static UomCatalog empty() {
		return new UomCatalog();
	}

	public UomCatalog add(Item item) {
		Map<String, BigDecimal> factors = factorsByItem.computeIfAbsent(item.getItemNumber(), k -> new HashMap<>());
		factors.put(item.getBaseUom(), BigDecimal.ONE);
		for (UomConversion conversion : item.getConversions()) {
			factors.put(conversion.getUom(), conversion.getFactor());
		}
		return this;
	}

	public BigDecimal convert(String itemNumber, BigDecimal quantity, String from, String to) {
		Map<String, BigDecimal> factors = factorsByItem.get(itemNumber);
		if (factors == null) {
			throw new IllegalArgumentException("no units of measure known for item '" + itemNumber + "'");
		}
		BigDecimal fromFactor = factors.get(from);
		BigDecimal toFactor = factors.get(to);
		if (fromFactor == null || toFactor == null) {
			throw new IllegalArgumentException("item '" + itemNumber + "' has no conversion between " + from + " and "
					+ to + " (known: " + factors.keySet() + ")");
		}
		return quantity.multiply(fromFactor).divide(toFactor, MathContext.DECIMAL64).stripTrailingZeros();
	}
}
