package io.syncline.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EObject;

import io.syncline.formats.FormatException;
import io.syncline.formats.Formats;
import io.syncline.formats.Node;
import io.syncline.formats.ProblemSink;
import io.syncline.formats.RecordReader;
import io.syncline.formats.SourceFormat;
import io.syncline.formats.SourceOptions;
import io.syncline.formats.x12.X12Writer;
import io.syncline.mapping.CompiledMapping;
import io.syncline.mapping.MapOutcome;
import io.syncline.mapping.MappingCompileException;
import io.syncline.mapping.MappingCompiler;
import io.syncline.mapping.MappingEnvironment;
import io.syncline.mapping.MappingResources;
import io.syncline.mapping.MappingRunner;
import io.syncline.model.canonical.DataSet;
import io.syncline.model.canonical.InventoryEvent;
import io.syncline.model.canonical.InventoryPosition;
import io.syncline.model.canonical.Invoice;
import io.syncline.model.canonical.Item;
import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.model.canonical.SalesOrder;
import io.syncline.model.canonical.Shipment;
import io.syncline.model.canonical.SupplierAvailability;
import io.syncline.model.canonical.SupplierItem;
import io.syncline.store.Catalog;
import io.syncline.store.DbControlNumbers;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.JournalEntry;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/**
 * One file from a partner through the pipeline: journaled first (so nothing is lost), then read and mapped record
 * by record with the partner's mapping, then applied by the workflow. A record that cannot be read or mapped opens
 * a MAPPING_ERROR exception with its location, and the others go on. Routes so far: the ERP item master and purchase
 * orders, supplier catalogs (Bolt & Co CSV, Cascade JSON, Acme 832), Acme's 846, 855, 856 and 810, and the WMS
 * snapshot and events.
 */
public final class Ingestion {

	public record Result(String file, String partner, String documentType, long messageId, long records,
			Map<String, Long> outcomes, List<String> problems) {
	}

	private final Store store;
	private final Path mappings;
	private final String tenantId;
	private final SupplierSync supplierSync;
	private final InventorySync inventorySync;
	private final Catalog catalog;
	private final ExceptionQueue exceptions;
	private final PurchaseOrderFlow purchaseOrders;
	private final MessageJournal journal;
	private final OrderSync orderSync;
	private final Path outbox;

	/** Where orders ship from until tenants configure their sourcing rules. */
	private static final String FULFILLING_WAREHOUSE = "ATL";

	public Ingestion(Store store, Path mappings, String tenantId, BigDecimal priceTolerancePercent) {
		this(store, mappings, tenantId, priceTolerancePercent, null);
	}

	/** With an outbox, documents owed to partners (the 855 answering an EDI order) are written there. */
	public Ingestion(Store store, Path mappings, String tenantId, BigDecimal priceTolerancePercent, Path outbox) {
		this.outbox = outbox;
		this.orderSync = new OrderSync(store, FULFILLING_WAREHOUSE, OrderSync.ShortageRule.BACKORDER);
		this.store = store;
		this.mappings = mappings;
		this.tenantId = tenantId;
		this.supplierSync = new SupplierSync(store, priceTolerancePercent);
		this.inventorySync = new InventorySync(store);
		this.catalog = new Catalog(store.dialect());
		this.exceptions = new ExceptionQueue(store);
		this.purchaseOrders = new PurchaseOrderFlow(store, priceTolerancePercent);
		this.journal = new MessageJournal(store);
	}

	public Result ingest(String partner, Path file) throws IOException, SQLException, MappingCompileException {
		String documentType = documentType(partner, file);
		long message = journal.append(new JournalEntry(tenantId, partner, flowOf(documentType), "IN",
				documentType, file.getFileName().toString(), null, OffsetDateTime.now(ZoneOffset.UTC), Map.of()),
				Files.readAllBytes(file));
		Map<String, Long> outcomes = new TreeMap<>();
		List<String> problems = new ArrayList<>();
		long records = 0;
		switch (partner + "/" + documentType) {
		case "erp/items" -> {
			records = apply(message, "erp-items", file, problems, (c, i, o) -> {
				Item item = (Item) o;
				catalog.addItem(c, tenantId, item.getItemNumber(), item.getDescription(), item.getBaseUom(),
						item.getSafetyStock(), item.getReorderPoint());
				return "ITEM";
			}, outcomes);
			apply(message, "erp-items-xref", file, problems, (c, i, o) -> {
				SupplierItem xref = (SupplierItem) o;
				catalog.addCrossReference(c, tenantId, xref.getSupplier().getPartnerId(), xref.getSupplierSku(),
						xref.getItem().getItemNumber());
				return "CROSS_REFERENCE";
			}, outcomes);
		}
		case "boltco/catalog", "cascade/catalog", "acme/832" -> records = apply(message, catalogMapping(partner, documentType),
				file, problems, (c, i, o) -> supplierSync.apply(c, tenantId, message, i, (SupplierItem) o).name(), outcomes);
		case "wms/snapshot" -> records = snapshot(message, file, problems, outcomes);
		case "wms/events" -> records = apply(message, "wms-events", file, problems,
				(c, i, o) -> inventorySync.applyEvent(c, tenantId, message, (InventoryEvent) o).name(), outcomes);
		case "erp/purchase-orders" -> records = sendPurchaseOrders(message, file, outcomes);
		case "shop/orders" -> records = apply(message, "shop-orders", file, problems, (c, i, o) -> {
			SalesOrder order = (SalesOrder) o;
			journal.addKeys(c, tenantId, message, Map.of("SO", order.getOrderNumber()));
			return orderSync.accept(c, tenantId, message, order).name();
		}, outcomes);
		case "bigbox/850" -> records = apply(message, "bigbox-850-order", file, problems, (c, i, o) -> {
			SalesOrder order = (SalesOrder) o;
			journal.addKeys(c, tenantId, message, Map.of("SO", order.getOrderNumber(), "PO", order.getCustomerPo()));
			OrderSync.Outcome outcome = orderSync.accept(c, tenantId, message, order);
			if (outcome != OrderSync.Outcome.DUPLICATE && outbox != null) {
				acknowledgeToCustomer(c, order);
			}
			return outcome.name();
		}, outcomes);
		case "acme/846" -> records = apply(message, "acme-846-availability", file, problems, (c, i, o) -> {
			SupplierAvailability report = (SupplierAvailability) o;
			boolean stored = catalog.putAvailability(c, tenantId, new Catalog.Availability(report.getSupplier().getPartnerId(),
					report.getSupplierSku(), report.getItem() == null ? null : report.getItem().getItemNumber(),
					report.getQuantity(), report.getUom(), report.getAvailableDate(),
					report.getAsOf().atOffset(ZoneOffset.UTC)), message);
			return stored ? "APPLIED" : "IGNORED_OLDER";
		}, outcomes);
		case "acme/855" -> records = apply(message, "acme-855-po-ack", file, problems, (c, i, o) -> {
			PurchaseOrder ack = (PurchaseOrder) o;
			journal.addKeys(c, tenantId, message, Map.of("PO", ack.getPoNumber()));
			return purchaseOrders.acknowledge(c, tenantId, message, ack).name();
		}, outcomes);
		case "acme/856" -> records = apply(message, "acme-856-asn", file, problems, (c, i, o) -> {
			Shipment asn = (Shipment) o;
			Map<String, String> keys = new HashMap<>(Map.of("ASN", asn.getShipmentNumber()));
			asn.getOrders().forEach(order -> keys.put("PO", order.getPoNumber()));
			if (asn.getTrackingNumber() != null) {
				keys.put("TRACKING", asn.getTrackingNumber());
			}
			journal.addKeys(c, tenantId, message, keys);
			return purchaseOrders.ship(c, tenantId, message, asn).name();
		}, outcomes);
		case "acme/810" -> records = apply(message, "acme-810-invoice", file, problems, (c, i, o) -> {
			Invoice invoice = (Invoice) o;
			journal.addKeys(c, tenantId, message, Map.of("INVOICE", invoice.getInvoiceNumber(), "PO", invoice.getPoNumber()));
			return purchaseOrders.invoice(c, tenantId, message, invoice).name();
		}, outcomes);
		default -> throw new IllegalArgumentException("no route for " + documentType + " from partner '" + partner
				+ "' (routes: erp items and purchase orders (.xmi), boltco/cascade catalogs, acme 832 846 855 856 810, "
				+ "shop orders, bigbox 850, "
				+ "wms snapshot and events)");
		}
		if (outbox != null && X12_DOCUMENTS.contains(documentType)) {
			outcomes.put("997_SENT", (long) sendFunctionalAcknowledgments(partner, file));
		}
		return new Result(file.getFileName().toString(), partner, documentType, message, records, outcomes, problems);
	}

	private static final Set<String> X12_DOCUMENTS = Set.of("810", "832", "846", "850", "855", "856");

	/**
	 * One 997 per functional group received, answering its sender with what the reader found (accepted, or each bad
	 * segment and element). The file is read once more for it; the journal keeps the original either way.
	 */
	private int sendFunctionalAcknowledgments(String partner, Path file) throws IOException, SQLException {
		List<io.syncline.formats.x12.GroupAck> groups;
		try (io.syncline.formats.x12.X12RecordReader reader = (io.syncline.formats.x12.X12RecordReader) Formats
				.open(file, SourceOptions.of(SourceFormat.X12), ProblemSink.collecting())) {
			while (reader.next() != null) {
				// read to the end: the acknowledgments sum up every group
			}
			groups = reader.acknowledgments();
		} catch (FormatException e) {
			return 0; // an interchange too broken to read has no groups to acknowledge; it is in the exception queue
		}
		for (io.syncline.formats.x12.GroupAck group : groups) {
			io.syncline.formats.x12.PartnerProfile toSender = io.syncline.formats.x12.PartnerProfile.x12v4010(partner,
					group.interchangeReceiverQualifier(), group.interchangeReceiverId(), group.interchangeSenderQualifier(),
					group.interchangeSenderId());
			ByteArrayOutputStream x12 = new ByteArrayOutputStream();
			new X12Writer(toSender, new DbControlNumbers(store, tenantId)).write(
					"FA", List.of(io.syncline.formats.x12.FunctionalAcknowledgments.build(group)),
					LocalDateTime.now(ZoneOffset.UTC), x12);
			byte[] bytes = x12.toByteArray();
			long out = journal.append(new JournalEntry(tenantId, partner, "acknowledgments", "OUT", "997",
					"997-" + group.functionalId() + "-" + group.controlNumber() + ".edi", null,
					OffsetDateTime.now(ZoneOffset.UTC), Map.of("GROUP", group.controlNumber())), bytes);
			writeToOutbox(partner, "997-" + group.functionalId() + "-" + group.controlNumber() + "-" + out + ".edi", bytes);
		}
		return groups.size();
	}

	/** Written under a temporary name and moved, so a partner's pickup never sees half a file. */
	private void writeToOutbox(String partner, String name, byte[] bytes) throws IOException {
		Path folder = outbox.resolve(partner);
		Files.createDirectories(folder);
		Path temporary = folder.resolve(name + ".part");
		Files.write(temporary, bytes);
		Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

	@FunctionalInterface
	private interface Step {
		String apply(Connection connection, int index, EObject record) throws SQLException;
	}

	/** Maps the file and applies each record in its own transaction; failures become located exceptions. */
	private long apply(long message, String mappingName, Path file, List<String> problems, Step step,
			Map<String, Long> outcomes) throws IOException, SQLException, MappingCompileException {
		CompiledMapping mapping = mapping(mappingName);
		List<MapOutcome> mapped = new ArrayList<>();
		MappingRunner.run(mapping, file, mapped::add);
		int index = 0;
		for (MapOutcome outcome : mapped) {
			int position = index++;
			String result = store.inTransaction(connection -> {
				if (!outcome.failed()) {
					return outcome.filtered() ? "FILTERED" : step.apply(connection, position, (EObject) outcome.output());
				}
				for (var problem : outcome.problems()) {
					exceptions.open(connection, tenantId, message, "MAPPING_ERROR", null,
							problem.location().describe(), problem.message());
				}
				return "MAPPING_ERROR";
			});
			if (outcome.failed()) {
				outcome.problems().forEach(problem -> problems.add(problem.describe()));
			}
			outcomes.merge(result, 1L, Long::sum);
		}
		return mapped.size();
	}

	/**
	 * The 855 for an EDI order: mapped from the order as allocated, enveloped for BigBox with database control
	 * numbers, journaled as outbound and written to the outbox, in the order's transaction.
	 */
	private void acknowledgeToCustomer(Connection connection, SalesOrder order) throws SQLException {
		try {
			MapOutcome mapped = MappingRunner.mapOutbound(mapping("so-855-outbound"), order, order.getOrderNumber());
			if (mapped.failed()) {
				throw new IllegalStateException("855 for " + order.getCustomerPo() + ": " + mapped.problems());
			}
			ByteArrayOutputStream x12 = new ByteArrayOutputStream();
			new X12Writer(
					io.syncline.formats.x12.PartnerProfile.parse("bigbox", "ZZ:HARBORSUPPLY>ZZ:BIGBOXRETAIL"),
					new DbControlNumbers(store, tenantId))
					.write("PR", List.of((Node) mapped.output()), LocalDateTime.now(ZoneOffset.UTC), x12);
			byte[] bytes = x12.toByteArray();
			long out = journal.append(new JournalEntry(tenantId, "bigbox", "sales-orders", "OUT", "855",
					"855-" + order.getCustomerPo() + ".edi", order.getCustomerPo(), OffsetDateTime.now(ZoneOffset.UTC),
					Map.of("PO", order.getCustomerPo(), "SO", order.getOrderNumber())), bytes);
			writeToOutbox("bigbox", "855-" + order.getCustomerPo() + "-" + out + ".edi", bytes);
		} catch (IOException | MappingCompileException e) {
			throw new IllegalStateException("cannot write the 855 for " + order.getCustomerPo() + ": " + e.getMessage(), e);
		}
	}

	/** Canonical purchase orders handed over by the ERP (an XMI data set): recorded as sent. */
	private long sendPurchaseOrders(long message, Path file, Map<String, Long> outcomes) throws SQLException {
		org.eclipse.emf.ecore.resource.Resource resource = MappingResources.resourceSet()
				.getResource(org.eclipse.emf.common.util.URI.createFileURI(file.toAbsolutePath().toString()), true);
		List<PurchaseOrder> pos = ((DataSet) resource.getContents().get(0)).getPurchaseOrders();
		for (PurchaseOrder po : pos) {
			store.inTransaction(connection -> {
				purchaseOrders.send(connection, tenantId, po);
				journal.addKeys(connection, tenantId, message, Map.of("PO", po.getPoNumber()));
				return null;
			});
			outcomes.merge("SENT", 1L, Long::sum);
		}
		return pos.size();
	}

	private long snapshot(long message, Path file, List<String> problems, Map<String, Long> outcomes)
			throws IOException, SQLException, MappingCompileException {
		CompiledMapping mapping = mapping("wms-snapshot");
		List<InventoryPosition> positions = new ArrayList<>();
		List<MapOutcome> failed = new ArrayList<>();
		MappingRunner.run(mapping, file, outcome -> {
			if (outcome.output() instanceof InventoryPosition position) {
				positions.add(position);
			} else if (outcome.failed()) {
				failed.add(outcome);
			}
		});
		try (Connection connection = store.connection()) {
			for (MapOutcome outcome : failed) {
				for (var problem : outcome.problems()) {
					exceptions.open(connection, tenantId, message, "MAPPING_ERROR", null, problem.location().describe(),
							problem.message());
					problems.add(problem.describe());
				}
			}
			if (!failed.isEmpty() || positions.isEmpty()) {
				// A snapshot replaces a whole site: an incomplete one must not.
				connection.commit();
				outcomes.put("REJECTED_INCOMPLETE", (long) positions.size());
				return positions.size() + failed.size();
			}
			InventoryPosition first = positions.get(0);
			InventorySync.Outcome outcome = inventorySync.applySnapshot(connection, tenantId, message,
					first.getWarehouse().getCode(), first.getAsOf().atOffset(ZoneOffset.UTC), positions);
			connection.commit();
			outcomes.put(outcome.name(), (long) positions.size());
			return positions.size();
		}
	}

	private CompiledMapping mapping(String name) throws IOException, MappingCompileException {
		return MappingCompiler.compile(MappingResources.load(mappings.resolve(name + ".synmap")),
				MappingEnvironment.offline());
	}

	private static String catalogMapping(String partner, String documentType) {
		return documentType.equals("832") ? "acme-832-catalog" : partner + "-catalog";
	}

	/** What the file is: by extension, and for X12 by its first transaction set. */
	static String documentType(String partner, Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".edi") || name.endsWith(".x12")) {
			try (RecordReader reader = Formats.open(file, SourceOptions.defaults(), ProblemSink.collecting())) {
				Node first = reader.next();
				return first == null ? "x12" : first.name();
			} catch (FormatException e) {
				return "x12";
			}
		}
		if (partner.equals("erp")) {
			return name.endsWith(".xmi") ? "purchase-orders" : "items";
		}
		if (partner.equals("shop")) {
			return "orders";
		}
		if (partner.equals("wms")) {
			return name.endsWith(".xml") ? "snapshot" : "events";
		}
		return "catalog";
	}

	private static String flowOf(String documentType) {
		return switch (documentType) {
		case "items" -> "item-master";
		case "catalog", "832" -> "supplier-catalog";
		case "purchase-orders", "855", "856", "810" -> "purchase-orders";
		case "orders", "850" -> "sales-orders";
		case "snapshot", "events", "846" -> "inventory";
		default -> "documents";
		};
	}
}
