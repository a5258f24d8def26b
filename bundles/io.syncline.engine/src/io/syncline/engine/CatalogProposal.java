package io.syncline.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Properties;

import io.syncline.store.Catalog.SupplierItemRow;

/**
 * A supplier item held back by a PRICE_CHANGE exception, kept beside the exception (as properties text) so that
 * accepting it applies exactly what the catalog said, not what a later catalog says.
 */
final class CatalogProposal {

	private CatalogProposal() {
	}

	static String write(SupplierItemRow row, long messageId) {
		Properties properties = new Properties();
		properties.setProperty("partner", row.partnerId());
		properties.setProperty("sku", row.supplierSku());
		properties.setProperty("item", row.itemNumber());
		put(properties, "uom", row.uom());
		put(properties, "pack", row.packQuantity() == null ? null : row.packQuantity().toPlainString());
		properties.setProperty("cost", row.cost().toPlainString());
		properties.setProperty("currency", row.currency());
		put(properties, "leadTimeDays", row.leadTimeDays() == null ? null : row.leadTimeDays().toString());
		put(properties, "moq", row.moq() == null ? null : row.moq().toPlainString());
		put(properties, "effective", row.effectiveDate() == null ? null : row.effectiveDate().toString());
		properties.setProperty("message", Long.toString(messageId));
		StringWriter text = new StringWriter();
		try {
			properties.store(text, null);
		} catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
		// the first line is a date comment: leave it out, the exception has its own time
		return text.toString().lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
	}

	private static void put(Properties properties, String key, String value) {
		if (value != null) {
			properties.setProperty(key, value);
		}
	}

	static SupplierItemRow read(String text) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(text));
		} catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
		return new SupplierItemRow(properties.getProperty("partner"), properties.getProperty("sku"),
				properties.getProperty("item"), properties.getProperty("uom"), decimal(properties, "pack"),
				new BigDecimal(properties.getProperty("cost")), properties.getProperty("currency"),
				properties.getProperty("leadTimeDays") == null ? null
						: Integer.valueOf(properties.getProperty("leadTimeDays")),
				decimal(properties, "moq"), properties.getProperty("effective") == null ? null
						: LocalDate.parse(properties.getProperty("effective")));
	}

	static long messageOf(String text) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(text));
		} catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
		return Long.parseLong(properties.getProperty("message", "0"));
	}

	private static BigDecimal decimal(Properties properties, String key) {
		String value = properties.getProperty(key);
		return value == null ? null : new BigDecimal(value);
	}
}
