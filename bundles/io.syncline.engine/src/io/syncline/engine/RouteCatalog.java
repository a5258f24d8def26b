package io.syncline.engine;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import io.syncline.formats.x12.X12RecordReader;

/**
 * The shipped defaults: the partners of the Harbor Supply tenant and the flows the engine routes for them, which
 * document comes in or goes out, in which flow, through which workflow and mapping (the ids are those of the samples
 * README); and how a document's type is told from its name and content.
 */
public final class RouteCatalog {

	/**
	 * One document type of a partner, in or out, the flow it is journaled under, the workflow it runs, the mapping
	 * that translates it ({@code null} for canonical data sets and 997s), and for files in the names it takes: a glob
	 * such as {@code *shipment*.jsonl}, case-insensitive ({@code null}: a partner's only route in without one takes
	 * its other files; see {@link PartnerDirectory#documentType}).
	 */
	public record Route(String partnerId, String documentType, String flow, String direction, String mapping,
			Workflow workflow, String filePattern) {

		public Route(String partnerId, String documentType, String flow, String direction, String mapping,
				Workflow workflow) {
			this(partnerId, documentType, flow, direction, mapping, workflow, null);
		}
	}

	/** A partner, its display name, and how interchanges to it are enveloped ({@code ZZ:US>ZZ:THEM}) if X12. */
	public record Partner(String id, String name, String x12Envelope) {
	}

	/** The Harbor Supply tenant's partners, until a tenant stores its own ({@link PartnerDirectory}). */
	public static final List<Partner> PARTNERS = List.of(new Partner("erp", "Harbor's ERP", null),
			new Partner("boltco", "Bolt & Co", null), new Partner("cascade", "Cascade Tools", null),
			new Partner("acme", "Acme Fasteners (ISA ACMEFAST)", "ZZ:HARBORSUPPLY>ZZ:ACMEFAST"),
			new Partner("wms", "Harbor's WMS", null), new Partner("shop", "Harbor's web shop", null),
			new Partner("bigbox", "BigBox retail (ISA BIGBOXRETAIL)", "ZZ:HARBORSUPPLY>ZZ:BIGBOXRETAIL"));

	public static final List<Route> ROUTES = List.of(
			new Route("erp", "items", "item-master", "IN", "erp-items", Workflow.ITEM_MASTER, "*.csv"),
			new Route("erp", "purchase-orders", "purchase-orders", "IN", null, Workflow.PURCHASE_ORDERS_SENT, "*.xmi"),
			new Route("boltco", "catalog", "supplier-catalog", "IN", "boltco-catalog", Workflow.SUPPLIER_CATALOG),
			new Route("cascade", "catalog", "supplier-catalog", "IN", "cascade-catalog", Workflow.SUPPLIER_CATALOG),
			new Route("acme", "832", "supplier-catalog", "IN", "acme-832-catalog", Workflow.SUPPLIER_CATALOG),
			new Route("acme", "846", "inventory", "IN", "acme-846-availability", Workflow.SUPPLIER_AVAILABILITY),
			new Route("acme", "850", "purchase-orders", "OUT", "po-850-outbound", Workflow.OUTBOUND_DOCUMENT),
			new Route("acme", "855", "purchase-orders", "IN", "acme-855-po-ack", Workflow.PO_ACKNOWLEDGMENT),
			new Route("acme", "856", "purchase-orders", "IN", "acme-856-asn", Workflow.SHIP_NOTICE),
			new Route("acme", "810", "purchase-orders", "IN", "acme-810-invoice", Workflow.SUPPLIER_INVOICE),
			new Route("acme", "997", "acknowledgments", "OUT", null, Workflow.FUNCTIONAL_ACKNOWLEDGMENT),
			new Route("acme", "997", "acknowledgments", "IN", null, Workflow.RECEIVED_ACKNOWLEDGMENT),
			new Route("wms", "snapshot", "inventory", "IN", "wms-snapshot", Workflow.STOCK_SNAPSHOT, "*.xml"),
			new Route("wms", "events", "inventory", "IN", "wms-events", Workflow.STOCK_EVENTS, "*.jsonl"),
			new Route("wms", "shipments", "sales-orders", "IN", "wms-shipments", Workflow.SHIPMENT_CONFIRMATIONS,
					"*shipment*.jsonl"),
			new Route("shop", "orders", "sales-orders", "IN", "shop-orders", Workflow.WEB_ORDERS),
			new Route("bigbox", "850", "sales-orders", "IN", "bigbox-850-order", Workflow.EDI_ORDERS),
			new Route("bigbox", "855", "sales-orders", "OUT", "so-855-outbound", Workflow.OUTBOUND_DOCUMENT),
			new Route("bigbox", "856", "sales-orders", "OUT", "so-856-outbound", Workflow.OUTBOUND_DOCUMENT),
			new Route("bigbox", "810", "sales-orders", "OUT", "so-810-outbound", Workflow.OUTBOUND_DOCUMENT),
			new Route("bigbox", "997", "acknowledgments", "OUT", null, Workflow.FUNCTIONAL_ACKNOWLEDGMENT),
			new Route("bigbox", "997", "acknowledgments", "IN", null, Workflow.RECEIVED_ACKNOWLEDGMENT));

	private RouteCatalog() {
	}

	/** Whether a document is an X12 interchange, by its name. */
	public static boolean isX12(String sourceName) {
		String name = sourceName.toLowerCase(Locale.ROOT);
		return name.endsWith(".edi") || name.endsWith(".x12");
	}

	/** What an X12 interchange holds: its first transaction set ({@code 850}), or {@code x12} if none can be read. */
	public static String x12DocumentType(byte[] payload) {
		String transactionSet = X12RecordReader.firstTransactionSet(new ByteArrayInputStream(payload));
		return transactionSet == null ? "x12" : transactionSet;
	}

	public static String flowOf(String documentType) {
		return switch (documentType) {
		case "items" -> "item-master";
		case "catalog", "832" -> "supplier-catalog";
		case "purchase-orders", "855", "856", "810" -> "purchase-orders";
		case "orders", "850", "shipments" -> "sales-orders";
		case "snapshot", "events", "846" -> "inventory";
		default -> "documents";
		};
	}
}
