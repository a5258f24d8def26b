package io.syncline.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;

import io.syncline.model.canonical.AcknowledgmentStatus;
import io.syncline.model.canonical.CanonicalPackage;
import io.syncline.model.canonical.InvoiceLine;
import io.syncline.model.canonical.ShipmentLine;
import io.syncline.model.canonical.ShipmentPackage;
import io.syncline.model.gs1.Gs1;

/** The Harbor objects of shared/samples/README.md validate, and say what the README says. */
class HarborModelValidationTest {

	private final HarborFixture harbor = new HarborFixture();

	@Test
	void theSamplesSsccsAreTheOnlyProblemAndEachIsNamed() {
		// The 856's cartons carry SSCCs whose GS1 check digits are wrong; the product must say so, precisely.
		List<Diagnostic> problems = Diagnostician.INSTANCE.validate(harbor.dataSet).getChildren();
		assertEquals(3, problems.size(), () -> problems.toString());
		for (Diagnostic problem : problems) {
			assertEquals(Diagnostic.ERROR, problem.getSeverity());
			assertTrue(problem.getMessage().startsWith("Shipment ASN-88001 / orders[0] / packages["),
					problem.getMessage());
			assertTrue(problem.getMessage().contains("is not 18 digits with a valid check digit"),
					problem.getMessage());
			assertEquals(CanonicalPackage.Literals.SHIPMENT_PACKAGE__SSCC, problem.getData().get(1));
		}
	}

	@Test
	void withCorrectSsccCheckDigitsTheWholeScenarioIsValid() {
		for (ShipmentPackage carton : harbor.asn88001.getOrders().get(0).getPackages()) {
			String body = carton.getSscc().substring(0, 17);
			carton.setSscc(body + Gs1.checkDigit(body));
		}
		Diagnostic result = Diagnostician.INSTANCE.validate(harbor.dataSet);
		assertEquals(Diagnostic.OK, result.getSeverity(), () -> result.getChildren().toString());
	}

	@Test
	void invoiceTotalIsTheSumOfItsLinesAsTheReadmeSays() {
		BigDecimal sum = BigDecimal.ZERO;
		for (InvoiceLine line : harbor.inv7781.getLines()) {
			sum = sum.add(line.getQuantity().getValue().multiply(line.getUnitPrice().getAmount()));
		}
		assertEquals(0, new BigDecimal("1261.50").compareTo(sum));
		assertEquals(Diagnostic.OK, Diagnostician.INSTANCE.validate(harbor.inv7781).getSeverity());
	}

	@Test
	void line2IsHalfBackorderedAndLine3ChangedPriceBySixAndAHalfPercent() {
		var line2 = harbor.po45001.getLines().get(1);
		var backorder = line2.getAcknowledgments().stream()
				.filter(ack -> ack.getStatus() == AcknowledgmentStatus.BACKORDERED).findFirst().orElseThrow();
		assertEquals(0, new BigDecimal("150").compareTo(backorder.getQuantity().getValue()));
		assertEquals("2026-12-09", backorder.getScheduledDate().toString());

		var line3 = harbor.po45001.getLines().get(2);
		BigDecimal newPrice = line3.getAcknowledgments().get(0).getUnitPrice().getAmount();
		BigDecimal change = newPrice.subtract(line3.getUnitPrice().getAmount())
				.divide(line3.getUnitPrice().getAmount(), 3, java.math.RoundingMode.HALF_UP);
		assertEquals(new BigDecimal("0.065"), change);
	}

	@Test
	void asnShipsWhatTheReadmeSays() {
		BigDecimal hexBolts = BigDecimal.ZERO;
		int lines = 0;
		for (ShipmentPackage carton : harbor.asn88001.getOrders().get(0).getPackages()) {
			for (ShipmentLine line : carton.getLines()) {
				lines++;
				if ("AF-HX-0616".equals(line.getSupplierSku())) {
					hexBolts = hexBolts.add(line.getQuantity().getValue());
				}
			}
		}
		assertEquals(4, lines);
		assertEquals(0, new BigDecimal("5000").compareTo(hexBolts));
	}
}
