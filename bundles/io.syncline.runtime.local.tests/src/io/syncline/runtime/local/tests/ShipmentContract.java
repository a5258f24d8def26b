package io.syncline.runtime.local.tests;

import io.syncline.testing.Harbor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.formats.Node;
import io.syncline.formats.NodePath;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.x12.X12RecordReader;
import io.syncline.runtime.api.AtpExplanation;
import io.syncline.runtime.api.BusinessDocument;
import io.syncline.runtime.api.ExceptionQuery;
import io.syncline.runtime.api.ExceptionSummary;
import io.syncline.runtime.api.MessageSummary;
import io.syncline.runtime.api.PartnerConfig;
import io.syncline.runtime.api.RuntimeEvent;
import io.syncline.runtime.api.ShipmentConfirmation;
import io.syncline.runtime.api.ShipmentResult;
import io.syncline.runtime.api.SubmitResult;
import io.syncline.runtime.local.LocalRuntime;
import io.syncline.runtime.local.LocalSettings;
import io.syncline.store.Store;

/**
 * Sales orders after they are taken. A BigBox order shipping in two parts: stock and allocation fall together (ATP
 * does not move, and says why), the order becomes partially shipped, and BigBox gets an 856 and an 810 per
 * shipment, valid X12 in its outbox, on the order's trace; over-shipping and shipping twice are refused. The same
 * through the WMS's confirmations. And a new EDI customer configured with a mapping of its own, its orders taken
 * and answered. Run on H2 and on PostgreSQL.
 */
abstract class ShipmentContract {

	@TempDir
	Path data;

	protected Store store;
	private LocalRuntime runtime;
	private final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();

	protected abstract Store open() throws Exception;

	@BeforeEach
	void start() throws Exception {
		store = open();
		runtime = LocalRuntime.over(store, LocalSettings.harbor(data, Harbor.demo("mappings")));
		runtime.subscribe(events::add);
	}

	@AfterEach
	void stop() {
		runtime.close();
		store.close();
	}

	/** Stock at ATL: ATP 80 BX HS-100238, 1000 EA HS-100101 (2000 safety stock), 100 EA HS-100544. */
	private void stockAtAtlanta() {
		String receipts = receipt("s-1", "HS-100238", 100, "BX") + receipt("s-2", "HS-100101", 3000, "EA")
				+ receipt("s-3", "HS-100544", 200, "EA");
		assertEquals("APPLIED", runtime.submit("wms", null, "receipts.jsonl", receipts.getBytes(StandardCharsets.UTF_8))
				.status());
	}

	private static String receipt(String id, String item, int quantity, String uom) {
		return "{\"eventId\": \"" + id + "\", \"type\": \"RECEIPT\", \"item\": \"" + item + "\", \"warehouse\": \"ATL\", "
				+ "\"qty\": " + quantity + ", \"uom\": \"" + uom + "\", \"at\": \"2026-11-21T08:00:00Z\"}\n";
	}

	@Test
	void anEdiOrderShipsInPartsWithAShipNoticeAndInvoiceEach() throws Exception {
		Harbor.masterDataAndPo(runtime);
		stockAtAtlanta();
		Harbor.submit(runtime, "bigbox", "samples/edi/bigbox-850-customer-order.edi");
		BusinessDocument order = runtime.document(BusinessDocument.Type.SO, "BB-7730021").orElseThrow();
		assertEquals("BACKORDERED", order.status(), "200 EA of line 2 are beyond ATP");

		ShipmentResult first = runtime.confirmShipment(new ShipmentConfirmation("BB-7730021", "UPSN",
				"1Z999AA10123456784", Map.of(1, new BigDecimal("40"), 2, new BigDecimal("600"))));

		assertEquals(1, first.shipmentNumber());
		assertEquals("PARTIALLY_SHIPPED", first.status());
		assertEquals(List.of("856", "810"), first.documentsSent());
		Node asn = onlyTransaction(outbound("856", 1));
		assertEquals(List.of("40", "600"), NodePath.compile("HL_LOOP/HL_LOOP/HL_LOOP/SN1/SN102").all(asn).stream()
				.map(Node::value).toList());
		assertEquals("BB-7730021", NodePath.compile("HL_LOOP/HL_LOOP/PRF/PRF01").value(asn));
		assertEquals("0412", NodePath.compile("HL_LOOP/N1_LOOP/N1/N104").value(asn), "ship-to kept from the 850");
		assertEquals("UPSN", NodePath.compile("HL_LOOP/TD5/TD503").value(asn), "the carrier, by its SCAC");
		assertEquals("1Z999AA10123456784", NodePath.compile("HL_LOOP/REF/REF02").value(asn));
		Node invoice = onlyTransaction(outbound("810", 1));
		// 40 × 14.99 + 600 × 0.1290 = 599.60 + 77.40 = 677.00
		assertEquals("67700", NodePath.compile("TDS/TDS01").value(invoice));

		AtpExplanation atp = runtime.explainAtp("HS-100101", "ATL");
		var last = atp.changes().get(atp.changes().size() - 1);
		assertEquals("SHIPMENT", last.cause());
		assertEquals(0, last.before().compareTo(last.after()), "shipping promised stock does not move ATP");
		assertTrue(last.detail().contains("shipped 600 EA"), last.detail());

		// by the order's own number this time, and with no lines: all that is allocated and not yet shipped
		ShipmentResult rest = runtime.confirmShipment(new ShipmentConfirmation(order.key(), null, null, null));
		assertEquals(2, rest.shipmentNumber());
		assertEquals(java.util.Set.of(2, 3), rest.shipped().keySet(), rest.shipped().toString());
		assertEquals(0, new BigDecimal("400").compareTo(rest.shipped().get(2)));
		assertEquals(0, new BigDecimal("30").compareTo(rest.shipped().get(3)));
		assertEquals("PARTIALLY_SHIPPED", rest.status(), "200 EA stay backordered");
		Node second = onlyTransaction(outbound("856", 2));
		assertEquals(List.of("400", "30"), NodePath.compile("HL_LOOP/HL_LOOP/HL_LOOP/SN1/SN102").all(second).stream()
				.map(Node::value).toList(), "the second ship notice holds the two lines shipped in it");
		assertEquals(null, NodePath.compile("HL_LOOP/TD5").first(second), "no carrier named, no TD5");

		IllegalStateException twice = assertThrows(IllegalStateException.class, () -> runtime.confirmShipment(
				new ShipmentConfirmation("BB-7730021", null, null, null)));
		assertTrue(twice.getMessage().contains("nothing left to ship"), twice.getMessage());
		IllegalArgumentException over = assertThrows(IllegalArgumentException.class, () -> runtime.confirmShipment(
				new ShipmentConfirmation("BB-7730021", null, null, Map.of(3, BigDecimal.ONE))));
		assertTrue(over.getMessage().contains("line 3") && over.getMessage().contains("cannot ship 1"),
				over.getMessage());

		assertEquals("PARTIALLY_SHIPPED", runtime.document(BusinessDocument.Type.SO, "BB-7730021").orElseThrow()
				.status());
		Harbor.awaitEvent(events, e -> e.type() == RuntimeEvent.Type.STATUS_CHANGED
				&& "PARTIALLY_SHIPPED".equals(e.status()));
		List<String> chain = runtime.trace("BB-7730021").stream().map(MessageSummary::documentType).toList();
		assertTrue(chain.containsAll(List.of("850", "855", "856", "810")), chain.toString());
		assertEquals(2, chain.stream().filter("856"::equals).count(), chain.toString());
	}

	@Test
	void theWarehousesConfirmationsShipTheOrderOnceEach() throws Exception {
		Harbor.masterDataAndPo(runtime);
		stockAtAtlanta();
		Harbor.submit(runtime, "bigbox", "samples/edi/bigbox-850-customer-order.edi");
		// two confirmations, by item: 40 BX + 600 EA, then 400 EA + 30 EA
		byte[] confirmations = Files.readAllBytes(Harbor.demo("golden/wms-shipments/input.jsonl"));

		SubmitResult shipped = runtime.submit("wms", null, "wms-shipments-1126.jsonl", confirmations);

		assertEquals("APPLIED", shipped.status(), shipped.problems().toString());
		assertEquals(Map.of("PARTIALLY_SHIPPED", 2L), shipped.outcomes());
		assertEquals(List.of("40", "600"), NodePath.compile("HL_LOOP/HL_LOOP/HL_LOOP/SN1/SN102")
				.all(onlyTransaction(outbound("856", 1))).stream().map(Node::value).toList());
		assertEquals(List.of("400", "30"), NodePath.compile("HL_LOOP/HL_LOOP/HL_LOOP/SN1/SN102")
				.all(onlyTransaction(outbound("856", 2))).stream().map(Node::value).toList());
		outbound("810", 2);

		SubmitResult again = runtime.submit("wms", null, "wms-shipments-1126-resent.jsonl", confirmations);
		assertEquals(Map.of("DUPLICATE", 2L), again.outcomes(), "each confirmation ships once");
		try (Stream<Path> files = Files.list(data.resolve("outbox").resolve("bigbox"))) {
			assertEquals(2, files.filter(f -> f.getFileName().toString().startsWith("856-")).count());
		}

		String notOnTheOrder = "{\"shipmentId\": \"WMS-SHP-000103\", \"order\": \"BB-7730021\", \"warehouse\": "
				+ "\"ATL\", \"lines\": [{\"item\": \"HS-100102\", \"qty\": 5, \"uom\": \"EA\"}]}\n";
		SubmitResult refused = runtime.submit("wms", null, "wms-shipments-bad.jsonl",
				notOnTheOrder.getBytes(StandardCharsets.UTF_8));
		assertEquals(Map.of("SHIPMENT_REFUSED", 1L), refused.outcomes());
		ExceptionSummary reason = runtime.exceptions(ExceptionQuery.open().ofKind("SHIPMENT_REFUSED")).items().get(0);
		assertEquals(refused.messageId(), reason.messageId());
		assertTrue(reason.detail().contains("has no line for item HS-100102"), reason.detail());
		assertEquals("PARTIALLY_SHIPPED", runtime.document(BusinessDocument.Type.SO, "BB-7730021").orElseThrow()
				.status(), "a refused confirmation changes nothing");
	}

	@Test
	void aNewEdiCustomerIsConfiguredWithItsOwnMappingAndItsOrdersAreAnswered() throws Exception {
		Harbor.masterDataAndPo(runtime);
		String bigBoxMapping = Files.readString(Harbor.demo("mappings/bigbox-850-order.synmap"));
		runtime.publishMapping("zenith-850-order", bigBoxMapping.replace("bigbox-850-order", "zenith-850-order")
				.replace("partnerId=\"bigbox\"", "partnerId=\"zenith\"").replace("'SO-BB-'", "'SO-ZH-'")
				.replace("defaultValue=\"bigbox\"", "defaultValue=\"zenith\"").getBytes(StandardCharsets.UTF_8), "Zenith sends 850s like BigBox's");
		String envelope = "ZZ:HARBORSUPPLY>ZZ:ZENITHHOME";
		PartnerConfig.Flow orders = new PartnerConfig.Flow(null, "850", "IN", "EDI_ORDERS", "zenith-850-order");
		PartnerConfig.Flow acks = new PartnerConfig.Flow(null, "855", "OUT", "OUTBOUND_DOCUMENT", "so-855-outbound");

		assertRefused("no workflow 'TELEPATHY'", new PartnerConfig("zenith", "Zenith Home", envelope,
				List.of(new PartnerConfig.Flow(null, "850", "IN", "TELEPATHY", "zenith-850-order"))), "new customer");
		assertRefused("mapping 'zenith-9999' is not published", new PartnerConfig("zenith", "Zenith Home", envelope,
				List.of(new PartnerConfig.Flow(null, "850", "IN", "EDI_ORDERS", "zenith-9999"))), "new customer");
		assertRefused("ZZ:HARBORSUPPLY>ZZ:ACMEFAST", new PartnerConfig("zenith", "Zenith Home", "ZENITHHOME",
				List.of(orders)), "new customer");
		assertRefused("need the partner's X12 envelope", new PartnerConfig("zenith", "Zenith Home", null,
				List.of(orders, acks)), "new customer");
		assertRefused("needs a reason", new PartnerConfig("zenith", "Zenith Home", envelope, List.of(orders)), " ");

		PartnerConfig zenith = runtime.savePartner(new PartnerConfig("zenith", "Zenith Home (ISA ZENITHHOME)", envelope,
				List.of(orders, acks)), "new retail customer, orders by EDI");
		assertEquals("sales-orders", zenith.flows().get(0).flow(), "the workflow's flow when none is given");
		assertTrue(runtime.partners().stream().anyMatch(p -> p.partnerId().equals("bigbox")
				&& p.flows().size() == 6), // 850 and 997 in; 855, 856, 810 and 997 out
				"the shipped partners stay as they were: " + runtime.partners());

		String order = Files.readString(Harbor.demo("samples/edi/bigbox-850-customer-order.edi"))
				.replace("BIGBOXRETAIL   *", "ZENITHHOME     *").replace("*BIGBOXRETAIL*", "*ZENITHHOME*")
				.replace("BB-7730021", "ZH-5500017");
		SubmitResult result = runtime.submit("zenith", null, "zenith-po.edi", order.getBytes(StandardCharsets.US_ASCII));

		assertEquals("APPLIED", result.status(), result.problems().toString());
		assertEquals("BACKORDERED", runtime.document(BusinessDocument.Type.SO, "SO-ZH-ZH-5500017").orElseThrow().status());
		List<Path> answered;
		try (Stream<Path> files = Files.list(data.resolve("outbox").resolve("zenith"))) {
			answered = files.filter(f -> f.getFileName().toString().startsWith("855-ZH-5500017")).toList();
		}
		assertEquals(1, answered.size(), "the 855 goes to Zenith's outbox");
		Node ack = onlyTransaction(answered.get(0));
		assertEquals("ZENITHHOME     ", NodePath.compile("../../ISA/ISA08").value(ack), "enveloped to Zenith");
		assertEquals("ZH-5500017", NodePath.compile("BAK/BAK03").value(ack));
	}

	private void assertRefused(String reason, PartnerConfig config, String why) {
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> runtime.savePartner(config, why));
		assertTrue(refused.getMessage().contains(reason), refused.getMessage());
	}

	/** A 3PL sending stock snapshots, stock moves and shipments as flat files: told apart by their names. */
	@Test
	void aPartnerSendingSeveralFlatFilesIsToldApartByFileName() throws Exception {
		Harbor.masterDataAndPo(runtime);
		List<PartnerConfig.Flow> flows = List.of(
				new PartnerConfig.Flow(null, "snapshot", "IN", "STOCK_SNAPSHOT", "wms-snapshot", "*stock*.xml"),
				new PartnerConfig.Flow(null, "events", "IN", "STOCK_EVENTS", "wms-events", "*.jsonl"),
				new PartnerConfig.Flow(null, "shipments", "IN", "SHIPMENT_CONFIRMATIONS", "wms-shipments",
						"*shipment*.jsonl"));
		assertRefused("not going out", new PartnerConfig("northwind", "Northwind 3PL", null, List.of(
				new PartnerConfig.Flow(null, "997", "OUT", "FUNCTIONAL_ACKNOWLEDGMENT", null, "*.edi"))), "3PL");
		assertRefused("without folders", new PartnerConfig("northwind", "Northwind 3PL", null, List.of(
				new PartnerConfig.Flow(null, "events", "IN", "STOCK_EVENTS", "wms-events", "in/*.jsonl"))), "3PL");
		PartnerConfig saved = runtime.savePartner(new PartnerConfig("northwind", "Northwind 3PL", null, flows),
				"3PL for the Dallas site");
		assertEquals("*shipment*.jsonl", saved.flows().stream().filter(f -> f.documentType().equals("shipments"))
				.findFirst().orElseThrow().filePattern(), "the pattern is kept");

		SubmitResult snapshot = runtime.submit("northwind", null, "northwind-stock-0600.xml",
				Files.readAllBytes(Harbor.demo("samples/wms-atl-snapshot.xml")));
		assertEquals("snapshot", snapshot.documentType());
		assertEquals("APPLIED", snapshot.status());
		SubmitResult moves = runtime.submit("northwind", null, "NORTHWIND-MOVES.JSONL", ("{\"eventId\": \"nw-1\", "
				+ "\"type\": \"RECEIPT\", \"item\": \"HS-100238\", \"warehouse\": \"ATL\", \"qty\": 5, "
				+ "\"uom\": \"BX\", \"at\": \"2026-11-27T10:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8));
		assertEquals("events", moves.documentType(), "case does not matter");
		assertEquals("APPLIED", moves.status());
		SubmitResult shipments = runtime.submit("northwind", null, "daily-shipments.jsonl", ("{\"shipmentId\": "
				+ "\"nw-s1\", \"orderNumber\": \"SO-NOPE\", \"lines\": []}\n").getBytes(StandardCharsets.UTF_8));
		assertEquals("shipments", shipments.documentType(), "the more specific pattern wins over *.jsonl");
		SubmitResult unknown = runtime.submit("northwind", null, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
		assertEquals(Long.valueOf(1), unknown.outcomes().get("NO_ROUTE"), "a name no flow takes is kept and queued");
	}

	@Test
	void anUnknownOrderIsNamed() {
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> runtime.confirmShipment(
				new ShipmentConfirmation("SO-NOPE", null, null, null)));
		assertTrue(unknown.getMessage().contains("SO-NOPE"), unknown.getMessage());
	}

	/** The one file of that type and shipment in BigBox's outbox. */
	private Path outbound(String type, int shipment) throws Exception {
		List<Path> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(data.resolve("outbox").resolve("bigbox"))) {
			files.filter(f -> f.getFileName().toString().startsWith(type + "-BB-7730021-" + shipment + "-"))
					.forEach(found::add);
		}
		assertEquals(1, found.size(), type + " of shipment " + shipment + ": " + found);
		return found.get(0);
	}

	/** Reads an interchange we wrote with full validation: it must hold one clean transaction set. */
	private static Node onlyTransaction(Path file) throws Exception {
		ProblemSink.Collecting problems = ProblemSink.collecting();
		List<Node> sets = new ArrayList<>();
		try (X12RecordReader reader = new X12RecordReader(new ByteArrayInputStream(Files.readAllBytes(file)),
				file.getFileName().toString(), problems)) {
			Node set;
			while ((set = reader.next()) != null) {
				sets.add(set);
			}
		}
		assertEquals(List.of(), problems.problems(), Files.readString(file));
		assertEquals(1, sets.size());
		return sets.get(0);
	}
}
