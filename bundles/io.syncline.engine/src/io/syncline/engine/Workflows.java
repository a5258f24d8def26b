package io.syncline.engine;

import java.math.BigDecimal;
import java.io.IOException;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import io.syncline.mapping.MappingCompileException;
import io.syncline.model.canonical.InventoryEvent;
import io.syncline.model.canonical.Invoice;
import io.syncline.model.canonical.Item;
import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.model.canonical.SalesOrder;
import io.syncline.model.canonical.Shipment;
import io.syncline.model.canonical.SupplierAvailability;
import io.syncline.model.canonical.SupplierItem;
import io.syncline.store.Catalog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.MessageJournal;
import io.syncline.store.Store;

/**
 * What each workflow does with a document's records: the partner's inbound route for the document type names the
 * workflow and its mapping (supplier catalogs, stock, orders, the purchase-order lifecycle, acknowledgments).
 */
final class Workflows {

	/** Where orders ship from until tenants configure their sourcing rules. */
	private static final String FULFILLING_WAREHOUSE = "ATL";

	private final String tenantId;
	private final PartnerDirectory partners;
	private final Outbound outbound;
	private final MessageJournal journal;
	private final SupplierSync supplierSync;
	private final InventorySync inventorySync;
	private final Catalog catalog;
	private final PurchaseOrderFlow purchaseOrders;
	private final OrderSync orderSync;
	private final ReceivedAcknowledgments receivedAcknowledgments;
	private final ShipmentConfirmations shipments;
	private final WholeDocuments wholeDocuments;

	/** {@code outbound} null: this runtime delivers nothing to partners' outbox folders itself. */
	Workflows(Store store, String tenantId, MappingSource mappings, BigDecimal priceTolerancePercent,
			PartnerDirectory partners, Outbound outbound, MessageJournal journal, ExceptionQueue exceptions) {
		this.tenantId = tenantId;
		this.partners = partners;
		this.outbound = outbound;
		this.journal = journal;
		this.supplierSync = new SupplierSync(store, priceTolerancePercent);
		this.inventorySync = new InventorySync(store);
		this.catalog = new Catalog(store.dialect());
		this.purchaseOrders = new PurchaseOrderFlow(store, priceTolerancePercent);
		this.orderSync = new OrderSync(store, FULFILLING_WAREHOUSE, OrderSync.ShortageRule.BACKORDER);
		this.receivedAcknowledgments = new ReceivedAcknowledgments(store, tenantId);
		this.shipments = new ShipmentConfirmations(store, tenantId, outbound);
		// purchase orders leave as 850s whether or not this runtime delivers to an outbox folder itself
		Outbound documents = outbound != null ? outbound : new Outbound(store, tenantId, mappings, partners, null);
		this.wholeDocuments = new WholeDocuments(tenantId, mappings, exceptions, inventorySync,
				new PurchaseOrderSending(store, tenantId, partners, documents), journal);
	}

	ShipmentConfirmations shipments() {
		return shipments;
	}

	/** The partner's inbound route for the document type names the workflow that applies it and its mapping. */
	void apply(String partner, String documentType, MessageRun run)
			throws IOException, SQLException, MappingCompileException {
		long message = run.message;
		RouteCatalog.Route route = partners.inbound(partner, documentType).orElse(null);
		if (route == null) {
			run.fail("NO_ROUTE", run.sourceName, "no route for " + documentType + " from partner '" + partner
					+ "'; the partner's routes are in its configuration (partners)");
			return;
		}
		String mapping = route.mapping();
		switch (route.workflow()) {
		case ITEM_MASTER -> {
			run.apply(mapping, (c, i, o) -> {
				Item item = (Item) o;
				catalog.addItem(c, tenantId, item.getItemNumber(), item.getDescription(), item.getBaseUom(),
						item.getSafetyStock(), item.getReorderPoint());
				return "ITEM";
			});
			run.applySecondary(mapping + "-xref", (c, i, o) -> {
				SupplierItem xref = (SupplierItem) o;
				catalog.addCrossReference(c, tenantId, xref.getSupplier().getPartnerId(), xref.getSupplierSku(),
						xref.getItem().getItemNumber());
				return "CROSS_REFERENCE";
			});
		}
		case SUPPLIER_CATALOG -> run.apply(mapping, o -> "SKU:" + partner + "/" + ((SupplierItem) o).getSupplierSku(),
				(c, i, o) -> supplierSync.apply(c, tenantId, message, i, (SupplierItem) o).name());
		case STOCK_SNAPSHOT -> wholeDocuments.snapshot(run, mapping);
		case STOCK_EVENTS -> run.apply(mapping, Workflows::positionKey,
				(c, i, o) -> inventorySync.applyEvent(c, tenantId, message, (InventoryEvent) o).name());
		case SHIPMENT_CONFIRMATIONS -> run.apply(mapping,
				o -> "SO:" + ShipmentConfirmations.orderOf((Shipment) o),
				(c, i, o) -> shipments.confirm(c, message, (Shipment) o));
		case PURCHASE_ORDERS_SENT -> wholeDocuments.sendPurchaseOrders(run);
		case WEB_ORDERS -> run.apply(mapping, o -> "SO:" + ((SalesOrder) o).getOrderNumber(), (c, i, o) -> {
			SalesOrder order = (SalesOrder) o;
			journal.addKeys(c, tenantId, message, Map.of("SO", order.getOrderNumber()));
			return orderSync.accept(c, tenantId, message, order).name();
		});
		case EDI_ORDERS -> run.apply(mapping, o -> "SO:" + ((SalesOrder) o).getOrderNumber(), (c, i, o) -> {
			SalesOrder order = (SalesOrder) o;
			journal.addKeys(c, tenantId, message, Map.of("SO", order.getOrderNumber(), "PO", order.getCustomerPo()));
			OrderSync.Outcome outcome = orderSync.accept(c, tenantId, message, order);
			if (outcome != OrderSync.Outcome.DUPLICATE && outbound != null) {
				outbound.acknowledgeOrder(c, partner, order);
			}
			return outcome.name();
		});
		case SUPPLIER_AVAILABILITY -> run.apply(mapping, (c, i, o) -> {
			SupplierAvailability report = (SupplierAvailability) o;
			boolean stored = catalog.putAvailability(c, tenantId, new Catalog.Availability(report.getSupplier().getPartnerId(),
					report.getSupplierSku(), report.getItem() == null ? null : report.getItem().getItemNumber(),
					report.getQuantity(), report.getUom(), report.getAvailableDate(),
					report.getAsOf().atOffset(ZoneOffset.UTC)), message);
			return stored ? "APPLIED" : "IGNORED_OLDER";
		});
		case PO_ACKNOWLEDGMENT -> run.apply(mapping, o -> "PO:" + ((PurchaseOrder) o).getPoNumber(), (c, i, o) -> {
			PurchaseOrder ack = (PurchaseOrder) o;
			journal.addKeys(c, tenantId, message, Map.of("PO", ack.getPoNumber()));
			return purchaseOrders.acknowledge(c, tenantId, message, ack).name();
		});
		case SHIP_NOTICE -> run.apply(mapping, Workflows::shipmentKey, (c, i, o) -> {
			Shipment asn = (Shipment) o;
			Map<String, String> keys = new HashMap<>(Map.of("ASN", asn.getShipmentNumber()));
			asn.getOrders().forEach(order -> keys.put("PO", order.getPoNumber()));
			if (asn.getTrackingNumber() != null) {
				keys.put("TRACKING", asn.getTrackingNumber());
			}
			journal.addKeys(c, tenantId, message, keys);
			return purchaseOrders.ship(c, tenantId, message, asn).name();
		});
		case SUPPLIER_INVOICE -> run.apply(mapping, o -> "PO:" + ((Invoice) o).getPoNumber(), (c, i, o) -> {
			Invoice invoice = (Invoice) o;
			journal.addKeys(c, tenantId, message, Map.of("INVOICE", invoice.getInvoiceNumber(), "PO", invoice.getPoNumber()));
			return purchaseOrders.invoice(c, tenantId, message, invoice).name();
		});
		case RECEIVED_ACKNOWLEDGMENT -> receivedAcknowledgments.apply(run, partner);
		default -> run.fail("NO_ROUTE", run.sourceName, "workflow " + route.workflow() + " of " + partner + "/"
				+ documentType + " does not take documents in");
		}
	}

	/** Events of one item at one warehouse apply in order. */
	private static String positionKey(EObject record) {
		return InventorySync.positionKey((InventoryEvent) record);
	}

	/** A ship notice follows its purchase order's acknowledgment and comes before its invoice. */
	private static String shipmentKey(EObject record) {
		Shipment asn = (Shipment) record;
		return asn.getOrders().isEmpty() ? "ASN:" + asn.getShipmentNumber() : "PO:" + asn.getOrders().get(0).getPoNumber();
	}
}
