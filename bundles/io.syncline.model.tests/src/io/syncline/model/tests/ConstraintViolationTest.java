package io.syncline.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;

import io.syncline.model.canonical.AcknowledgmentStatus;
import io.syncline.model.canonical.CanonicalPackage.Literals;

/** Each constraint of canonical.ecore rejects what it should, naming the object and the feature. */
class ConstraintViolationTest {

	private final HarborFixture harbor = new HarborFixture();

	private static Diagnostic single(EObject target) {
		Diagnostic result = Diagnostician.INSTANCE.validate(target);
		assertEquals(Diagnostic.ERROR, result.getSeverity(), () -> "expected an error for " + target);
		assertEquals(1, result.getChildren().size(), () -> result.getChildren().toString());
		return result.getChildren().get(0);
	}

	private static void assertProblem(EObject target, EStructuralFeature feature, String... messageParts) {
		Diagnostic problem = single(target);
		assertEquals(feature, problem.getData().get(1));
		for (String part : messageParts) {
			assertTrue(problem.getMessage().contains(part), () -> problem.getMessage() + " lacks " + part);
		}
	}

	@Test
	void wrongGtinCheckDigitNamesTheExpectedDigit() {
		var item = harbor.dataSet.getItems().get(0);
		item.setGtin("012345678906");
		assertProblem(item, Literals.ITEM__GTIN, "Item HS-100101", "gtin '012345678906'", "expected 5");
	}

	@Test
	void gtinOfWrongLengthIsRejected() {
		var line = harbor.po45001.getLines().get(0);
		line.setGtin("12345");
		assertProblem(line, Literals.PURCHASE_ORDER_LINE__GTIN, "PurchaseOrder PO-45001 / lines[1]",
				"must be 8, 12, 13 or 14 digits");
	}

	@Test
	void negativeQuantityIsRejected() {
		var quantity = harbor.po45001.getLines().get(1).getQuantity();
		quantity.setValue(new BigDecimal("-200"));
		assertProblem(quantity, Literals.QUANTITY__VALUE, "PurchaseOrder PO-45001 / lines[2] / quantity",
				"must not be negative, but is -200");
	}

	@Test
	void negativeStockIsRejected() {
		var position = harbor.dataSet.getInventoryPositions().get(0);
		position.setDamaged(new BigDecimal("-1"));
		assertProblem(position, Literals.INVENTORY_POSITION__DAMAGED, "damaged must not be negative");
	}

	@Test
	void negativeCostIsRejected() {
		var supplierItem = harbor.dataSet.getSupplierItems().get(0);
		supplierItem.getCost().setAmount(new BigDecimal("-0.08"));
		assertProblem(supplierItem, Literals.SUPPLIER_ITEM__COST, "SupplierItem AF-HX-0616", "cost must not be negative");
	}

	@Test
	void unknownCurrencyIsRejected() {
		var price = harbor.po45001.getLines().get(0).getUnitPrice();
		price.setCurrency("USX");
		assertProblem(price, Literals.MONEY__CURRENCY, "currency 'USX' is not an ISO 4217 code");
	}

	@Test
	void missingKeyIsRejected() {
		harbor.po45001.setPoNumber(" ");
		Diagnostic problem = single(harbor.po45001);
		assertEquals(Literals.PURCHASE_ORDER__PO_NUMBER, problem.getData().get(1));
		assertTrue(problem.getMessage().contains("poNumber is required"), problem.getMessage());
	}

	@Test
	void duplicateLineNumbersAreRejected() {
		harbor.inv7781.getLines().get(2).setLineNumber(2);
		assertProblem(harbor.inv7781, Literals.INVOICE__LINES, "Invoice INV-7781", "line number 2 occurs more than once");
	}

	@Test
	void invoiceTotalThatDiffersFromItsLinesIsRejected() {
		harbor.inv7781.getTotalAmount().setAmount(new BigDecimal("1240.00"));
		assertProblem(harbor.inv7781, Literals.INVOICE__TOTAL_AMOUNT, "totalAmount 1240.00 differs", "1261.5");
	}

	@Test
	void backorderWithoutDateIsRejected() {
		var backorder = harbor.po45001.getLines().get(1).getAcknowledgments().get(1);
		assertEquals(AcknowledgmentStatus.BACKORDERED, backorder.getStatus());
		backorder.setScheduledDate(null);
		assertProblem(backorder, Literals.LINE_ACKNOWLEDGMENT__SCHEDULED_DATE, "needs the scheduledDate");
	}

	@Test
	void priceChangeWithoutNewPriceIsRejected() {
		var change = harbor.po45001.getLines().get(2).getAcknowledgments().get(0);
		change.setUnitPrice(null);
		assertProblem(change, Literals.LINE_ACKNOWLEDGMENT__UNIT_PRICE, "needs the new unitPrice");
	}

	@Test
	void overlongIsaIdIsRejected() {
		var identity = harbor.acme.getIdentity();
		identity.setIsaId("ACME-FASTENERS-INC");
		assertProblem(identity, Literals.PARTNER_IDENTITY__ISA_ID, "longer than the 15 characters");
	}

	@Test
	void zeroUomFactorIsRejected() {
		var conversion = harbor.dataSet.getItems().get(1).getConversions().get(0);
		conversion.setFactor(BigDecimal.ZERO);
		assertProblem(conversion, Literals.UOM_CONVERSION__FACTOR, "factor must be greater than 0");
	}

	@Test
	void orderWithoutLinesIsRejected() {
		harbor.bb7730021.getLines().clear();
		assertProblem(harbor.bb7730021, Literals.SALES_ORDER__LINES, "SalesOrder SO-BB-7730021", "has no lines");
	}
}
