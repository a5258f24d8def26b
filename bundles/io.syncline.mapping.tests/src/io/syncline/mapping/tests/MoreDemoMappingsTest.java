package io.syncline.mapping.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.x12.FileControlNumbers;
import io.syncline.formats.x12.PartnerProfile;
import io.syncline.formats.x12.X12Writer;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingRunner;
import io.syncline.model.canonical.AcknowledgmentStatus;
import io.syncline.model.canonical.InventoryEvent;
import io.syncline.model.canonical.InventoryEventType;
import io.syncline.model.canonical.LineAcknowledgment;
import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.model.canonical.SalesOrder;
import io.syncline.model.canonical.SalesOrderLine;
import io.syncline.model.canonical.Shipment;
import io.syncline.model.canonical.ShipmentLine;
import io.syncline.model.canonical.ShipmentPackage;
import io.syncline.model.canonical.SupplierAvailability;

class MoreDemoMappingsTest {

	@TempDir
	Path dir;

	private static List<Node> reread(String x12, ProblemSink problems) throws Exception {
		try (var reader = io.syncline.formats.Formats.open(
				new java.io.ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)), "written.edi",
				SourceOptions.of(SourceFormat.X12), problems)) {
			List<Node> records = new java.util.ArrayList<>();
			Node record;
			while ((record = reader.next()) != null) {
				records.add(record);
			}
			return records;
		}
	}


	@Test
	void acme855BackordersLineTwoAndRepricesLineThree() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("acme-855-po-ack"), Demo.sample("edi/acme-855-po-ack.edi"));
		assertEquals(List.of(), run.problems());
		PurchaseOrder po = (PurchaseOrder) run.objects().get(0);
		assertEquals("PO-45001", po.getPoNumber());
		assertEquals("ACK-9001", po.getAcknowledgmentNumber());
		List<LineAcknowledgment> line2 = po.getLines().get(1).getAcknowledgments();
		assertEquals(List.of(AcknowledgmentStatus.ACCEPTED, AcknowledgmentStatus.BACKORDERED),
				line2.stream().map(LineAcknowledgment::getStatus).toList());
		Demo.assertDecimal("50", line2.get(0).getQuantity().getValue());
		Demo.assertDecimal("150", line2.get(1).getQuantity().getValue());
		assertEquals("2026-12-09", line2.get(1).getScheduledDate().toString());
		LineAcknowledgment line3 = po.getLines().get(2).getAcknowledgments().get(0);
		assertEquals(AcknowledgmentStatus.PRICE_CHANGED, line3.getStatus());
		Demo.assertDecimal("0.2290", line3.getUnitPrice().getAmount());
		Demo.assertDecimal("0.2150", po.getLines().get(2).getUnitPrice().getAmount());
	}

	@Test
	void acme856IsTheShipmentTreeOfTheReadme() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("acme-856-asn"), Demo.sample("edi/acme-856-asn.edi"));
		assertEquals(List.of(), run.problems());
		Shipment asn = (Shipment) run.objects().get(0);
		assertEquals("ASN-88001", asn.getShipmentNumber());
		assertEquals("1Z999AA10123456784", asn.getTrackingNumber());
		assertEquals("2026-11-24", asn.getShipDate().toString());
		assertEquals("2026-11-26", asn.getEstimatedDeliveryDate().toString());
		assertEquals("ATL", asn.getShipToWarehouse().getCode());
		assertEquals("PO-45001", asn.getOrders().get(0).getPoNumber());
		List<ShipmentPackage> cartons = asn.getOrders().get(0).getPackages();
		assertEquals(3, cartons.size());
		assertEquals("012345670000000018", cartons.get(0).getSscc());
		List<ShipmentLine> lines = cartons.stream().flatMap(c -> c.getLines().stream()).toList();
		assertEquals(4, lines.size());
		BigDecimal hexBolts = lines.stream().filter(l -> "AF-HX-0616".equals(l.getSupplierSku()))
				.map(l -> l.getQuantity().getValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
		Demo.assertDecimal("5000", hexBolts);
	}

	@Test
	void acme846SaysTheHexNutIsOutUntilDecemberFifteenth() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("acme-846-availability"), Demo.sample("edi/acme-846-inventory-advice.edi"));
		assertEquals(List.of(), run.problems());
		assertEquals(5, run.objects().size());
		SupplierAvailability nut = (SupplierAvailability) run.objects().get(2);
		assertEquals("AF-NT-0616", nut.getSupplierSku());
		Demo.assertDecimal("0", nut.getQuantity());
		assertEquals("2026-12-15", nut.getAvailableDate().toString());
		assertEquals("2026-11-20T06:00:00Z", nut.getAsOf().toString());
	}

	@Test
	void shopOrdersGetLineNumbersAndTheErpBaseUnit() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("shop-orders"), Demo.sample("shop-orders.json"));
		assertEquals(List.of(), run.problems());
		assertEquals(3, run.objects().size());
		SalesOrder first = (SalesOrder) run.objects().get(0);
		assertEquals("SO-H1000", first.getOrderNumber());
		assertEquals("WEB", first.getChannel().getName());
		SalesOrderLine line = first.getLines().get(1);
		assertEquals(2, line.getLineNumber());
		assertEquals("HS-001007", line.getItem().getItemNumber());
		assertEquals("FT", first.getLines().get(0).getQuantity().getUom(), "HS-001003 is sold by the foot");
	}

	@Test
	void wmsEventsKeepTheirIdsSoTheDuplicateCanBeDropped() throws Exception {
		Demo.Run run = Demo.run(Demo.mapping("wms-events"), Demo.sample("wms-events.jsonl"));
		assertEquals(List.of(), run.problems());
		assertEquals(21, run.objects().size());
		InventoryEvent first = (InventoryEvent) run.objects().get(0);
		InventoryEvent last = (InventoryEvent) run.objects().get(20);
		assertEquals(first.getEventId(), last.getEventId());
		assertEquals(InventoryEventType.RECEIPT, first.getType());
		assertTrue(run.objects().stream().map(InventoryEvent.class::cast)
				.anyMatch(e -> e.getType() == InventoryEventType.CYCLE_COUNT));
	}

	@ParameterizedTest
	@CsvSource({ "so-855-outbound,PR,855", "so-856-outbound,SH,856", "so-810-outbound,IN,810" })
	void bigBoxOrderAnsweredWithValidX12(String mappingName, String functionalId, String transactionSet)
			throws Exception {
		SalesOrder order = (SalesOrder) Demo.run(Demo.mapping("bigbox-850-order"),
				Demo.sample("edi/bigbox-850-customer-order.edi")).objects().get(0);
		order.getLines().forEach(l -> l.setShippedQuantity(l.getQuantity().getValue()));
		MapOutcome outcome = MappingRunner.mapOutbound(Demo.mapping(mappingName), order, "BB-7730021");
		assertEquals(List.of(), outcome.problems());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PartnerProfile bigBox = PartnerProfile.x12v4010("bigbox", "ZZ", "HARBORSUPPLY", "ZZ", "BIGBOXRETAIL");
		new X12Writer(bigBox, new FileControlNumbers(dir)).write(functionalId, List.of((Node) outcome.output()),
				LocalDateTime.of(2026, 11, 21, 9, 30), out);
		String x12 = out.toString(StandardCharsets.US_ASCII);
		ProblemSink.Collecting problems = ProblemSink.collecting();
		List<Node> reread = reread(x12, problems);
		assertEquals(List.of(), problems.problems(), x12);
		assertEquals(List.of(), IndependentX12Check.check(x12), x12);
		assertEquals(transactionSet, reread.get(0).name());
		if (transactionSet.equals("810")) {
			// 40 × 14.99 + 1200 × 0.1290 + 30 × 1.65 = 599.60 + 154.80 + 49.50 = 803.90
			assertEquals("80390", NodePath.compile("TDS/TDS01").value(reread.get(0)));
		}
	}
}
