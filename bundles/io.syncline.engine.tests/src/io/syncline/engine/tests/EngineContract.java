package io.syncline.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncline.engine.Ingestion;
import io.syncline.engine.InventorySync;
import io.syncline.engine.OrderSync;
import io.syncline.engine.PurchaseOrderFlow;
import io.syncline.engine.SupplierSync;
import io.syncline.engine.SupplierSync.Outcome;
import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.MappingRunner;
import io.syncline.model.canonical.InventoryEvent;
import io.syncline.model.canonical.InventoryPosition;
import io.syncline.model.canonical.CanonicalFactory;
import io.syncline.model.canonical.Invoice;
import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.model.canonical.SalesOrder;
import io.syncline.model.canonical.Shipment;
import io.syncline.model.canonical.SupplierItem;
import io.syncline.store.AuditLog;
import io.syncline.store.Catalog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.Inventory;
import io.syncline.store.PurchaseOrders;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/**
 * The engine's workflows end to end on a real database, from the Harbor sample files through the demo mappings:
 * supplier sync (the Bolt & Co catalog and changed versions of it) and inventory sync (the ATL snapshot and the WMS
 * events). Run on H2 and on PostgreSQL.
 */
abstract class EngineContract {

	private static final BigDecimal TOLERANCE = new BigDecimal("2");

	@TempDir
	Path dir;

	protected Store store;

	protected abstract Store open() throws Exception;

	@BeforeEach
	void openStore() throws Exception {
		store = open();
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	private static Path demo(String relative) {
		return Path.of(System.getProperty("syncline.demo")).resolve(relative);
	}

	/** The ERP cross-reference: every Bolt SKU of erp-items.csv but the ones left out. */
	private void loadCrossReference(String tenant, String... leftOut) throws Exception {
		Catalog catalog = new Catalog(store.dialect());
		try (Connection connection = store.connection()) {
			for (String line : Files.readAllLines(demo("samples/erp-items.csv")).subList(1, 13)) {
				String[] f = line.split(",");
				if (!List.of(leftOut).contains(f[4])) {
					catalog.addCrossReference(connection, tenant, "boltco", f[4], f[0]);
				}
			}
			connection.commit();
		}
	}

	/** Journals the file, maps it, applies every record: what the pipeline does with a Bolt catalog drop. */
	private List<Outcome> ingest(String tenant, Path catalogFile) throws Exception {
		long message = new MessageJournal(store).append(new JournalEntry(tenant, "boltco", "supplier-catalog", "IN", "CSV",
				catalogFile.getFileName().toString(), null, OffsetDateTime.now(), Map.of()), Files.readAllBytes(catalogFile));
		return apply(tenant, message, catalogFile);
	}

	private List<Outcome> apply(String tenant, long message, Path catalogFile) throws Exception {
		return apply(tenant, message, catalogFile, items -> { });
	}

	private List<Outcome> apply(String tenant, long message, Path catalogFile,
			java.util.function.Consumer<List<SupplierItem>> adjust) throws Exception {
		CompiledMapping mapping = MappingCompiler.compile(MappingResources.load(demo("mappings/boltco-catalog.synmap")),
				MappingEnvironment.offline());
		List<SupplierItem> items = new ArrayList<>();
		MappingRunner.run(mapping, catalogFile, outcome -> items.add((SupplierItem) outcome.output()));
		adjust.accept(items);
		SupplierSync sync = new SupplierSync(store, TOLERANCE);
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			try (Connection connection = store.connection()) {
				outcomes.add(sync.apply(connection, tenant, message, i, items.get(i)));
				connection.commit();
			}
		}
		return outcomes;
	}

	private Path catalogWithCost(String sku, String newCost) throws IOException {
		List<String> lines = new ArrayList<>(Files.readAllLines(demo("samples/boltco-catalog.csv")));
		for (int i = 1; i < lines.size(); i++) {
			String[] f = lines.get(i).split(",", -1);
			if (f[0].equals(sku)) {
				f[5] = newCost;
				lines.set(i, String.join(",", f));
			}
		}
		Path file = dir.resolve("boltco-" + sku + "-" + newCost + ".csv");
		Files.write(file, lines);
		return file;
	}

	private BigDecimal storedCost(String tenant, String sku) throws Exception {
		try (Connection connection = store.connection(); PreparedStatement query = connection.prepareStatement(
				"SELECT cost FROM supplier_items WHERE tenant_id = ? AND partner_id = 'boltco' AND supplier_sku = ?")) {
			query.setString(1, tenant);
			query.setString(2, sku);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getBigDecimal(1);
			}
		}
	}

	private static long count(List<Outcome> outcomes, Outcome which) {
		return outcomes.stream().filter(which::equals).count();
	}

	@Test
	void aSkuTheMappingResolvesIsLearntIntoTheCrossReference() throws Exception {
		loadCrossReference("harbor", "BC-001011");
		List<Outcome> outcomes = ingest("harbor", demo("samples/boltco-catalog.csv"));
		assertEquals(12, count(outcomes, Outcome.APPLIED));
		try (Connection connection = store.connection()) {
			assertEquals("HS-001011", new Catalog(store.dialect()).itemFor(connection, "harbor", "boltco", "BC-001011").orElseThrow());
			assertEquals(1, new AuditLog().history(connection, "harbor", "xref/boltco/BC-001011").size());
		}
	}

	@Test
	void firstCatalogAppliesThenTheSameCatalogChangesNothing() throws Exception {
		loadCrossReference("harbor");
		List<Outcome> first = ingest("harbor", demo("samples/boltco-catalog.csv"));
		assertEquals(12, count(first, Outcome.APPLIED), first.toString());
		assertEquals(0, new BigDecimal("36.9609").compareTo(storedCost("harbor", "BC-001000")));
		List<Outcome> again = ingest("harbor", demo("samples/boltco-catalog.csv"));
		assertEquals(12, count(again, Outcome.UNCHANGED), again.toString());
	}

	@Test
	void smallCostChangeIsAppliedAndAuditedLargeOneIsHeldForAPerson() throws Exception {
		loadCrossReference("harbor");
		ingest("harbor", demo("samples/boltco-catalog.csv"));

		List<Outcome> small = ingest("harbor", catalogWithCost("BC-001000", "37.3305")); // +1.0 %
		assertEquals(List.of(Outcome.APPLIED), small.stream().filter(o -> o != Outcome.UNCHANGED).toList());
		assertEquals(0, new BigDecimal("37.3305").compareTo(storedCost("harbor", "BC-001000")));
		try (Connection connection = store.connection()) {
			List<AuditLog.Entry> history = new AuditLog().history(connection, "harbor", "supplier-item/boltco/BC-001000");
			assertEquals(List.of("create", "update"), history.stream().map(AuditLog.Entry::action).toList());
			assertTrue(history.get(1).before().contains("36.9609") && history.get(1).after().contains("37.3305"));
		}

		List<Outcome> large = ingest("harbor", catalogWithCost("BC-001001", "4.2745")); // 3.8859 → +10.0 %
		assertEquals(1, count(large, Outcome.PRICE_CHANGE_HELD));
		assertEquals(0, new BigDecimal("3.8859").compareTo(storedCost("harbor", "BC-001001")), "not applied");
		ExceptionQueue.Item held = new ExceptionQueue(store).list("harbor", true, 0, 10).get(0);
		assertEquals("PRICE_CHANGE", held.kind());
		assertTrue(held.detail().contains("cost 3.8859 → 4.2745 (+10.0 %) is above the 2 % tolerance"), held.detail());
	}

	@Test
	void unknownSkuOpensAnExceptionAndTheRestFlows() throws Exception {
		loadCrossReference("harbor", "BC-001011");
		Path catalogFile = demo("samples/boltco-catalog.csv");
		long message = new MessageJournal(store).append(new JournalEntry("harbor", "boltco", "supplier-catalog", "IN", "CSV",
				"boltco-catalog.csv", null, OffsetDateTime.now(), Map.of()), Files.readAllBytes(catalogFile));
		// as a partner mapping without a cross-reference of its own would deliver it: SKU only, no item
		List<Outcome> outcomes = apply("harbor", message, catalogFile, items -> items.stream()
				.filter(i -> i.getSupplierSku().equals("BC-001011")).forEach(i -> i.setItem(null)));
		assertEquals(11, count(outcomes, Outcome.APPLIED));
		assertEquals(1, count(outcomes, Outcome.UNKNOWN_SKU));
		ExceptionQueue.Item unknown = new ExceptionQueue(store).list("harbor", true, 0, 10).get(0);
		assertEquals("BC-001011", unknown.businessKey());
		assertTrue(unknown.detail().contains("not in the item cross-reference"), unknown.detail());
	}

	@Test
	void aRetriedMessageNeverAppliesTwice() throws Exception {
		loadCrossReference("harbor");
		Path changed = catalogWithCost("BC-001000", "37.3305");
		long message = new MessageJournal(store).append(new JournalEntry("harbor", "boltco", "supplier-catalog", "IN", "CSV",
				"retry.csv", null, OffsetDateTime.now(), Map.of()), Files.readAllBytes(changed));
		List<Outcome> first = apply("harbor", message, changed);
		List<Outcome> retry = apply("harbor", message, changed);
		assertEquals(12, count(first, Outcome.APPLIED));
		assertEquals(12, count(retry, Outcome.ALREADY_APPLIED));
		try (Connection connection = store.connection()) {
			assertEquals(1, new AuditLog().history(connection, "harbor", "supplier-item/boltco/BC-001000").size());
		}
	}

	// ---- inventory

	private <T> List<T> mapped(String mappingName, Path file, Class<T> type) throws Exception {
		CompiledMapping mapping = MappingCompiler.compile(MappingResources.load(demo("mappings/" + mappingName + ".synmap")),
				MappingEnvironment.offline());
		List<T> records = new ArrayList<>();
		MappingRunner.run(mapping, file, outcome -> records.add(type.cast(outcome.output())));
		return records;
	}

	private void loadItemMaster(String tenant) throws Exception {
		Catalog catalog = new Catalog(store.dialect());
		try (Connection connection = store.connection()) {
			for (String file : List.of("samples/erp-items.csv", "samples/erp-items-acme.csv")) {
				for (String line : Files.readAllLines(demo(file)).subList(1, Files.readAllLines(demo(file)).size())) {
					String[] f = line.split(",");
					catalog.addItem(connection, tenant, f[0], f[1], f[2], new BigDecimal(f[5]), new BigDecimal(f[6]));
				}
			}
			connection.commit();
		}
	}

	private long journal(String tenant, String partner, Path file) throws Exception {
		return new MessageJournal(store).append(new JournalEntry(tenant, partner, "inventory", "IN", "WMS",
				file.getFileName().toString(), null, OffsetDateTime.now(), Map.of()), Files.readAllBytes(file));
	}

	private InventorySync.Outcome snapshot(InventorySync sync, String tenant, Path file) throws Exception {
		List<InventoryPosition> positions = mapped("wms-snapshot", file, InventoryPosition.class);
		long message = journal(tenant, "wms", file);
		try (Connection connection = store.connection()) {
			InventorySync.Outcome outcome = sync.applySnapshot(connection, tenant, message, "ATL",
					positions.get(0).getAsOf().atOffset(java.time.ZoneOffset.UTC), positions);
			connection.commit();
			return outcome;
		}
	}

	private List<InventorySync.Outcome> events(InventorySync sync, String tenant) throws Exception {
		Path file = demo("samples/wms-events.jsonl");
		long message = journal(tenant, "wms", file);
		List<InventorySync.Outcome> outcomes = new ArrayList<>();
		for (InventoryEvent event : mapped("wms-events", file, InventoryEvent.class)) {
			try (Connection connection = store.connection()) {
				outcomes.add(sync.applyEvent(connection, tenant, message, event));
				connection.commit();
			}
		}
		return outcomes;
	}

	@Test
	void snapshotThenEventsGiveAtpAndTheDuplicateEventChangesNothing() throws Exception {
		loadItemMaster("harbor");
		InventorySync sync = new InventorySync(store);
		assertEquals(InventorySync.Outcome.APPLIED, snapshot(sync, "harbor", demo("samples/wms-atl-snapshot.xml")));
		// HS-001000 at ATL: 497 on hand − 72 allocated − 2 damaged − 200 safety stock (erp-items.csv)
		assertEquals(0, new BigDecimal("223").compareTo(sync.atp("harbor", "HS-001000", "ATL")));

		BigDecimal before = sync.atp("harbor", "HS-001003", "ATL");
		List<InventorySync.Outcome> outcomes = events(sync, "harbor");
		assertEquals(20, outcomes.stream().filter(InventorySync.Outcome.APPLIED::equals).count());
		assertEquals(InventorySync.Outcome.DUPLICATE, outcomes.get(20), "the last line repeats the first event");
		// HS-001003 at ATL moved by −42, +97 and +93 in the feed
		assertEquals(0, before.add(new BigDecimal("148")).compareTo(sync.atp("harbor", "HS-001003", "ATL")));
		// HS-001006 at RNO: one receipt of 124 (the duplicate did not add another), safety stock 20
		BigDecimal rno = sync.atp("harbor", "HS-001006", "RNO");
		assertEquals(0, new BigDecimal("124").subtract(safety("HS-001006")).compareTo(rno), rno::toPlainString);

		List<Inventory.AtpChange> why = sync.explainAtp("harbor", "HS-001003", "ATL");
		assertEquals(List.of("SNAPSHOT", "EVENT", "EVENT", "EVENT"), why.stream().map(Inventory.AtpChange::cause).toList());
		assertEquals("wms-00000002", why.get(1).reference());
		assertTrue(why.get(1).detail().startsWith("TRANSFER_OUT -42"), why.get(1).detail());
		assertEquals(0, why.get(1).before().subtract(new BigDecimal("42")).compareTo(why.get(1).after()));
	}

	private BigDecimal safety(String item) throws Exception {
		try (Connection connection = store.connection()) {
			return new Catalog(store.dialect()).safetyStock(connection, "harbor", item);
		}
	}

	@Test
	void anOlderSnapshotIsIgnored() throws Exception {
		loadItemMaster("harbor");
		InventorySync sync = new InventorySync(store);
		snapshot(sync, "harbor", demo("samples/wms-atl-snapshot.xml"));
		BigDecimal atp = sync.atp("harbor", "HS-001000", "ATL");
		Path older = dir.resolve("older.xml");
		Files.writeString(older, Files.readString(demo("samples/wms-atl-snapshot.xml"))
				.replace("asOf=\"2026-11-20T06:00:00Z\"", "asOf=\"2026-11-19T06:00:00Z\"")
				.replace("<OnHand uom=\"EA\">497</OnHand>", "<OnHand uom=\"EA\">5</OnHand>"));
		assertEquals(InventorySync.Outcome.IGNORED_OLDER, snapshot(sync, "harbor", older));
		assertEquals(0, atp.compareTo(sync.atp("harbor", "HS-001000", "ATL")), "stock unchanged");
	}

	// ---- purchase order lifecycle

	private <T> T one(String mappingName, String sample, Class<T> type) throws Exception {
		return mapped(mappingName, demo(sample), type).get(0);
	}

	private <T> T inTransaction(SqlWork<T> work) throws Exception {
		try (Connection connection = store.connection()) {
			T result = work.run(connection);
			connection.commit();
			return result;
		}
	}

	@FunctionalInterface
	private interface SqlWork<T> {
		T run(Connection connection) throws Exception;
	}

	@Test
	void po45001GoesFromAcknowledgmentToAThreeWayMatchAsTheSamplesReadmeSays() throws Exception {
		PurchaseOrderFlow flow = new PurchaseOrderFlow(store, new BigDecimal("2"));
		org.eclipse.emf.ecore.resource.Resource resource = MappingResources.resourceSet().getResource(
				org.eclipse.emf.common.util.URI.createFileURI(demo("canonical/po-45001.xmi").toString()), true);
		PurchaseOrder po = ((io.syncline.model.canonical.DataSet) resource.getContents().get(0)).getPurchaseOrders().get(0);
		inTransaction(c -> { flow.send(c, "harbor", po); return null; });

		PurchaseOrder ack = one("acme-855-po-ack", "samples/edi/acme-855-po-ack.edi", PurchaseOrder.class);
		long ackMessage = journal("harbor", "acme", demo("samples/edi/acme-855-po-ack.edi"));
		assertEquals(PurchaseOrderFlow.Outcome.RECORDED, inTransaction(c -> flow.acknowledge(c, "harbor", ackMessage, ack)));
		assertEquals(PurchaseOrderFlow.Outcome.ALREADY_APPLIED,
				inTransaction(c -> flow.acknowledge(c, "harbor", ackMessage, ack)), "the same 855 applies once");
		List<PurchaseOrders.Line> lines = inTransaction(c -> new PurchaseOrders().lines(c, "harbor", "PO-45001"));
		assertEquals(0, new BigDecimal("50").compareTo(lines.get(1).accepted()));
		assertEquals(0, new BigDecimal("150").compareTo(lines.get(1).backordered()));
		assertEquals("2026-12-09", lines.get(1).backorderDate().toString());
		assertEquals(0, new BigDecimal("0.2290").compareTo(lines.get(2).proposedPrice()), "held, not applied");
		ExceptionQueue.Item priceChange = new ExceptionQueue(store).list("harbor", true, 0, 10).get(0);
		assertEquals("PRICE_CHANGE", priceChange.kind());
		assertTrue(priceChange.detail().contains("price 0.215 → 0.229 (+6.5 %) is above the 2 % tolerance"),
				priceChange.detail());

		Shipment asn = one("acme-856-asn", "samples/edi/acme-856-asn.edi", Shipment.class);
		long asnMessage = journal("harbor", "acme", demo("samples/edi/acme-856-asn.edi"));
		inTransaction(c -> flow.ship(c, "harbor", asnMessage, asn));
		List<PurchaseOrders.Receipt> receipts = inTransaction(c -> new PurchaseOrders().receipts(c, "harbor", "ASN-88001"));
		assertEquals(List.of("AF-HX-0616 5000 ATL", "AF-LG-1420 1000 ATL", "AF-WS-0038 50 ATL"), receipts.stream()
				.map(r -> r.supplierSku() + " " + r.quantity().stripTrailingZeros().toPlainString() + " " + r.warehouse())
				.toList());
		assertEquals("2026-11-26", receipts.get(0).expectedDate().toString());
		assertEquals("PARTIALLY_SHIPPED", inTransaction(c -> new PurchaseOrders().headerForUpdate(c, "harbor", "PO-45001"))
				.orElseThrow().status(), "150 BX are still to come");

		Invoice invoice = one("acme-810-invoice", "samples/edi/acme-810-invoice.edi", Invoice.class);
		long firstInvoice = journal("harbor", "acme", demo("samples/edi/acme-810-invoice.edi"));
		assertEquals(PurchaseOrderFlow.Outcome.MISMATCH, inTransaction(c -> flow.invoice(c, "harbor", firstInvoice, invoice)),
				"while the price change is open, line 3 is a price variance");
		ExceptionQueue.Item mismatch = new ExceptionQueue(store).list("harbor", true, 0, 10).get(1);
		assertTrue(mismatch.detail().contains("line 3 AF-LG-1420: invoiced at 0.229, agreed 0.215"), mismatch.detail());

		inTransaction(c -> { flow.acceptPriceChange(c, "harbor", "PO-45001", 3, "dana", "Acme contract update 14"); return null; });
		long secondInvoice = journal("harbor", "acme", demo("samples/edi/acme-810-invoice.edi"));
		assertEquals(PurchaseOrderFlow.Outcome.MATCHED, inTransaction(c -> flow.invoice(c, "harbor", secondInvoice, invoice)),
				"PO as acknowledged × ASN × invoice: a clean three-way match");
		assertEquals("INVOICED", inTransaction(c -> new PurchaseOrders().headerForUpdate(c, "harbor", "PO-45001"))
				.orElseThrow().status());
	}

	@Test
	void acme846ThroughTheIngestionPipelineSaysTheHexNutIsOutUntilDecemberFifteenth() throws Exception {
		Ingestion ingestion = new Ingestion(store, demo("mappings"), "harbor", new BigDecimal("2"));
		Ingestion.Result result = ingestion.ingest("acme", demo("samples/edi/acme-846-inventory-advice.edi"));
		assertEquals("846", result.documentType());
		assertEquals(Map.of("APPLIED", 5L), result.outcomes());
		Catalog.Availability nut = inTransaction(c -> new Catalog(store.dialect()).availability(c, "harbor", "acme",
				"AF-NT-0616")).orElseThrow();
		assertEquals(0, BigDecimal.ZERO.compareTo(nut.quantity()));
		assertEquals("2026-12-15", nut.availableDate().toString());
		assertEquals("HS-100102", nut.itemNumber());
		assertArrayEquals(Files.readAllBytes(demo("samples/edi/acme-846-inventory-advice.edi")),
				new MessageJournal(store).payload("harbor", result.messageId()), "journaled first, byte for byte");
	}

	// ---- order sync

	private static SalesOrder order(String number, String item, String quantity) {
		CanonicalFactory f = CanonicalFactory.eINSTANCE;
		SalesOrder order = f.createSalesOrder();
		order.setOrderNumber(number);
		order.setChannel(io.syncline.model.canonical.Channel.WEB);
		io.syncline.model.canonical.SalesOrderLine line = f.createSalesOrderLine();
		line.setLineNumber(1);
		io.syncline.model.canonical.Item stub = f.createItem();
		stub.setItemNumber(item);
		line.setItem(stub);
		io.syncline.model.canonical.Quantity q = f.createQuantity();
		q.setValue(new BigDecimal(quantity));
		q.setUom("EA");
		line.setQuantity(q);
		order.getLines().add(line);
		return order;
	}

	@Test
	void shopOrdersAllocateFromAtpOnceAndSayWhy() throws Exception {
		loadItemMaster("harbor");
		InventorySync inventory = new InventorySync(store);
		snapshot(inventory, "harbor", demo("samples/wms-atl-snapshot.xml"));
		BigDecimal before = inventory.atp("harbor", "HS-001003", "ATL");
		OrderSync orders = new OrderSync(store, "ATL", OrderSync.ShortageRule.BACKORDER);
		List<SalesOrder> shop = mapped("shop-orders", demo("samples/shop-orders.json"), SalesOrder.class);
		assertEquals(OrderSync.Outcome.ALLOCATED, inTransaction(c -> orders.accept(c, "harbor", 1, shop.get(0))));
		assertEquals(OrderSync.Outcome.DUPLICATE, inTransaction(c -> orders.accept(c, "harbor", 2, shop.get(0))),
				"a re-sent order is not taken twice");
		assertEquals(0, before.subtract(new BigDecimal("34")).compareTo(inventory.atp("harbor", "HS-001003", "ATL")));
		List<Inventory.AtpChange> why = inventory.explainAtp("harbor", "HS-001003", "ATL");
		Inventory.AtpChange last = why.get(why.size() - 1);
		assertEquals("ORDER", last.cause());
		assertEquals("SO-H1000", last.reference());
	}

	@Test
	void eightThreadsOrderingTheSameStockNeverOversell() throws Exception {
		try (Connection connection = store.connection()) {
			new Catalog(store.dialect()).addItem(connection, "harbor", "HS-RACE", "race item", "EA", BigDecimal.ZERO, null);
			new Inventory().put(connection, "harbor", new Inventory.Position("HS-RACE", "ATL", new BigDecimal("100"),
					BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null));
			connection.commit();
		}
		OrderSync orders = new OrderSync(store, "ATL", OrderSync.ShortageRule.BACKORDER);
		List<java.util.concurrent.Callable<BigDecimal>> buyers = new ArrayList<>();
		for (int thread = 0; thread < 8; thread++) {
			int t = thread;
			buyers.add(() -> {
				BigDecimal backordered = BigDecimal.ZERO;
				for (int i = 0; i < 5; i++) {
					SalesOrder order = order("SO-RACE-" + t + "-" + i, "HS-RACE", "10");
					while (true) {
						try (Connection connection = store.connection()) {
							try {
								orders.accept(connection, "harbor", 1, order);
								connection.commit();
								break;
							} catch (java.sql.SQLException e) {
								connection.rollback(); // a deadlock or serialization failure: the order is retried
								order.getLines().get(0).setBackorderedQuantity(BigDecimal.ZERO);
							}
						}
					}
					backordered = backordered.add(order.getLines().get(0).getBackorderedQuantity());
				}
				return backordered;
			});
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		BigDecimal backordered = BigDecimal.ZERO;
		try {
			for (var result : pool.invokeAll(buyers)) {
				backordered = backordered.add(result.get());
			}
		} finally {
			pool.shutdownNow();
		}
		assertEquals(0, new BigDecimal("300").compareTo(backordered), "400 ordered, 100 in stock: 300 backordered");
		assertEquals(0, BigDecimal.ZERO.compareTo(new InventorySync(store).atp("harbor", "HS-RACE", "ATL")),
				"all 100 allocated, not one more");
		try (Connection connection = store.connection(); PreparedStatement query = connection.prepareStatement(
				"SELECT SUM(allocated_quantity) FROM so_lines WHERE tenant_id = 'harbor' AND item_number = 'HS-RACE'")) {
			try (ResultSet row = query.executeQuery()) {
				row.next();
				assertEquals(0, new BigDecimal("100").compareTo(row.getBigDecimal(1)));
			}
		}
	}

	@Test
	void bigBoxOrderBeyondStockIsBackorderedAndPutBeforeAPersonWhenTheTenantSaysSo() throws Exception {
		loadItemMaster("harbor");
		OrderSync orders = new OrderSync(store, "ATL", OrderSync.ShortageRule.EXCEPTION);
		SalesOrder bigBox = one("bigbox-850-order", "samples/edi/bigbox-850-customer-order.edi", SalesOrder.class);
		long message = journal("harbor", "bigbox", demo("samples/edi/bigbox-850-customer-order.edi"));
		assertEquals(OrderSync.Outcome.BACKORDERED, inTransaction(c -> orders.accept(c, "harbor", message, bigBox)));
		List<ExceptionQueue.Item> shortages = new ExceptionQueue(store).list("harbor", true, 0, 10);
		assertEquals(3, shortages.size());
		assertTrue(shortages.get(0).detail().startsWith("HS-100238: ordered 40, available 0 at ATL for EDI; 40 backordered"),
				shortages.get(0).detail());
		assertEquals(0, new BigDecimal("40").compareTo(bigBox.getLines().get(0).getBackorderedQuantity()),
				"the order says what is backordered, for the 855 back to BigBox");
	}
}
