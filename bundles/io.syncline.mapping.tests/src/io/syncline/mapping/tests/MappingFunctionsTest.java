package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.syncline.mapping.functions.MappingFunctions;
import io.syncline.mapping.functions.UomCatalog;
import io.syncline.model.canonical.CanonicalFactory;
import io.syncline.model.canonical.Item;
import io.syncline.model.canonical.UomConversion;

class MappingFunctionsTest {

	private final MappingFunctions fn = new MappingFunctions(Locale.ROOT,
			Map.of("acme-sku", Map.of("AF-HX-0616", "HS-100101")), uoms());

	private static UomCatalog uoms() {
		Item washer = CanonicalFactory.eINSTANCE.createItem();
		washer.setItemNumber("HS-100238");
		washer.setBaseUom("EA");
		UomConversion box = CanonicalFactory.eINSTANCE.createUomConversion();
		box.setUom("BX");
		box.setFactor(new BigDecimal("100"));
		UomConversion pallet = CanonicalFactory.eINSTANCE.createUomConversion();
		pallet.setUom("PL");
		pallet.setFactor(new BigDecimal("24000"));
		washer.getConversions().add(box);
		washer.getConversions().add(pallet);
		return UomCatalog.empty().add(washer);
	}

	/** The quick reading of plain decimals must give exactly what BigDecimal's own parser gives, scale included. */
	@Test
	void plainDecimalsKeepValueAndScale() {
		for (String text : List.of("0", "-0", "-0.00", "007", "12.50", ".5", "1.", "-123.456", "999999999999999999",
				"123456789012345678.9", "1234567890123456789", "-9223372036854775808", "1e3", "1,5", "+4", "0.0825")) {
			BigDecimal expected;
			try {
				expected = new BigDecimal(text);
			} catch (NumberFormatException e) {
				IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> fn.number(text));
				assertTrue(error.getMessage().contains(text), error.getMessage());
				continue;
			}
			BigDecimal parsed = fn.number(text);
			assertEquals(expected, parsed, text); // equals compares the scale too
			assertEquals(expected.scale(), parsed.scale(), text);
		}
	}

	@Test
	void decimalCommasParseInTheSourceLocale() {
		MappingFunctions german = new MappingFunctions(Locale.GERMANY, Map.of(), UomCatalog.empty());
		assertEquals(new BigDecimal("1234.56"), german.number("1.234,56"));
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> german.number("12,4x"));
		assertTrue(error.getMessage().contains("'12,4x' is not a number in locale de-DE"), error.getMessage());
		assertEquals(new BigDecimal("0.0825"), fn.number("0.0825"));
	}

	@Test
	void unitsConvertThroughTheItemsPacks() {
		assertEquals(0, new BigDecimal("5000").compareTo(fn.uomConvert("50", "BX", "EA", "HS-100238")));
		assertEquals(0, new BigDecimal("240").compareTo(fn.uomConvert("1", "PL", "BX", "HS-100238")));
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
				() -> fn.uomConvert("1", "CS", "EA", "HS-100238"));
		assertTrue(error.getMessage().contains("no conversion between CS and EA"), error.getMessage());
	}

	@Test
	void datesParseFormatAndCountBusinessDays() {
		assertEquals(LocalDate.of(2026, 12, 9), fn.date("20261209", "CCYYMMDD"));
		assertEquals("20261127", fn.formatDate(LocalDate.of(2026, 11, 27), "CCYYMMDD"));
		// Friday 2026-11-27 + 3 business days = Wednesday 2026-12-02
		assertEquals(LocalDate.of(2026, 12, 2), fn.addBusinessDays(LocalDate.of(2026, 11, 27), 3));
		assertEquals(LocalDate.of(2026, 12, 8), fn.expectedDate("2026-11-27", "7"));
		assertEquals(LocalDate.of(2026, 11, 20), fn.isoDate("2026-11-20T06:00:00Z"));
		assertThrows(IllegalArgumentException.class, () -> fn.date("20261309", "CCYYMMDD"));
	}

	@Test
	void gtinsValidateAndNormalise() {
		assertTrue(fn.gtinValid("012345678905"));
		assertFalse(fn.gtinValid("040000000000"));
		assertEquals("00012345678905", fn.gtin14("012345678905"));
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> fn.gtin14("040000000000"));
		assertTrue(error.getMessage().contains("check digit should be 6"), error.getMessage());
	}

	@Test
	void textAndChoiceHelpers() {
		assertEquals("HS-100101", fn.crossRef("acme-sku", "AF-HX-0616"));
		assertEquals("000042", fn.padLeft(42, 6, "0"));
		assertEquals("88001", fn.regex("ASN-88001", "ASN-(\\d+)"));
		assertEquals("BACKORDERED", fn.caseOf("IB", "IA", "ACCEPTED", "IB", "BACKORDERED", "UNKNOWN"));
		assertEquals("UNKNOWN", fn.caseOf("ZZ", "IA", "ACCEPTED", "UNKNOWN"));
		assertEquals("x", fn.coalesce(null, " ", "x"));
		assertNull(fn.trim(null));
		assertEquals("126150", fn.toImpliedDecimal(new BigDecimal("1261.50"), 2));
		assertEquals(0, new BigDecimal("1261.50").compareTo(fn.impliedDecimal("126150", 2)));
		assertEquals("017", fn.pick(List.of("011", "017"), List.of("a", "017"), "017"));
	}
}
