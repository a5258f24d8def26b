package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;

import io.syncline.model.canonical.InventoryPosition;
import io.syncline.model.canonical.Invoice;
import io.syncline.model.canonical.SalesOrder;
import io.syncline.model.canonical.SalesOrderLine;
import io.syncline.model.canonical.SupplierItem;

/** Every Harbor sample through its demo mapping, checked against what shared/samples/README.md says. */
class DemoMappingsTest {


	@Test
	void boltcoCatalogBecomesSupplierItemsOfHarborItems() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("boltco-catalog"), Demo.sample("boltco-catalog.csv"));
		assertEquals(List.of(), run.problems());
		assertEquals(12, run.objects().size());
		SupplierItem first = (SupplierItem) run.objects().get(0);
		assertEquals("BC-001000", first.getSupplierSku());
		assertEquals("HS-001000", first.getItem().getItemNumber(), "through the ERP cross-reference");
		assertEquals("boltco", first.getSupplier().getPartnerId());
		Demo.assertDecimal("36.9609", first.getCost().getAmount());
		assertEquals("2026-12-01", first.getEffectiveDate().toString());
		assertEquals(3, first.getLeadTimeDays());
		assertNull(first.getGtin(), "the sample's UPC has a wrong check digit and is left out");
	}

	@Test
	void cascadeCatalogKeepsPriceBreaks() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("cascade-catalog"), Demo.sample("cascade-catalog.json"));
		assertEquals(List.of(), run.problems());
		assertEquals(12, run.objects().size());
		SupplierItem first = (SupplierItem) run.objects().get(0);
		assertEquals("HS-001000", first.getItem().getItemNumber());
		assertEquals(1, first.getPriceBreaks().size());
		Demo.assertDecimal("1000", first.getPriceBreaks().get(0).getMinimumQuantity());
		Demo.assertDecimal("35.1129", first.getPriceBreaks().get(0).getUnitCost().getAmount());
		assertEquals("2026-11-20", first.getEffectiveDate().toString());
	}

	@Test
	void acme832GivesOneSupplierItemPerLinLoop() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("acme-832-catalog"), Demo.sample("edi/acme-832-price-catalog.edi"));
		assertEquals(List.of(), run.problems());
		assertEquals(5, run.objects().size());
		SupplierItem nut = (SupplierItem) run.objects().get(2);
		assertEquals("AF-NT-0616", nut.getSupplierSku());
		assertEquals("HS-100102", nut.getItem().getItemNumber());
		assertEquals("00012345678929", nut.getGtin(), "valid UPCs are kept as GTIN-14");
		Demo.assertDecimal("0.0410", nut.getCost().getAmount());
		assertEquals(10, nut.getLeadTimeDays());
		assertEquals("2026-12-01", nut.getEffectiveDate().toString());
	}

	@Test
	void wmsSnapshotGivesPositionsAtItsSite() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("wms-snapshot"), Demo.sample("wms-atl-snapshot.xml"));
		assertEquals(List.of(), run.problems());
		assertEquals(12, run.objects().size());
		InventoryPosition first = (InventoryPosition) run.objects().get(0);
		assertEquals("HS-001000", first.getItem().getItemNumber());
		assertEquals("ATL", first.getWarehouse().getCode());
		Demo.assertDecimal("497", first.getOnHand());
		Demo.assertDecimal("72", first.getAllocated());
		Demo.assertDecimal("2", first.getDamaged());
		assertEquals("2026-11-20T06:00:00Z", first.getAsOf().toString());
	}

	@Test
	void bigBox850BecomesTheSalesOrderTheReadmeDescribes() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("bigbox-850-order"), Demo.sample("edi/bigbox-850-customer-order.edi"));
		assertEquals(List.of(), run.problems());
		SalesOrder order = (SalesOrder) run.objects().get(0);
		assertEquals("BB-7730021", order.getCustomerPo());
		assertEquals("bigbox", order.getCustomer().getPartnerId());
		assertEquals("0412", order.getShipTo().getLocationCode());
		assertEquals("2026-11-28", order.getRequestedDate().toString());
		List<SalesOrderLine> lines = order.getLines();
		assertEquals(3, lines.size());
		assertEquals(List.of("HS-100238", "HS-100101", "HS-100544"),
				lines.stream().map(l -> l.getItem().getItemNumber()).toList());
		Demo.assertDecimal("40", lines.get(0).getQuantity().getValue());
		assertEquals("BX", lines.get(0).getQuantity().getUom());
		Demo.assertDecimal("1200", lines.get(1).getQuantity().getValue());
		Demo.assertDecimal("30", lines.get(2).getQuantity().getValue());
	}

	@Test
	void acme810IsInvoiceInv7781OfTwelveSixtyOneFifty() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("acme-810-invoice"), Demo.sample("edi/acme-810-invoice.edi"));
		assertEquals(List.of(), run.problems());
		Invoice invoice = (Invoice) run.objects().get(0);
		assertEquals("INV-7781", invoice.getInvoiceNumber());
		assertEquals("PO-45001", invoice.getPoNumber());
		Demo.assertDecimal("1261.50", invoice.getTotalAmount().getAmount());
		Demo.assertDecimal("0.2290", invoice.getLines().get(2).getUnitPrice().getAmount());
		assertEquals(30, invoice.getTerms().getNetDays());
		Diagnostic check = Diagnostician.INSTANCE.validate(invoice);
		assertEquals(Diagnostic.OK, check.getSeverity(), () -> check.getChildren().toString());
		assertTrue(invoice.getLines().stream().allMatch(l -> l.getItem() != null));
	}
}
