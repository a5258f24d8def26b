package io.syncline.engine;

/**
 * What the engine does with a document, whichever partner sends or receives it: a route names one of these, so a
 * new partner that sends 850s like BigBox, or a catalog like Bolt & Co, needs a route and a mapping, not code.
 */
public enum Workflow {

	ITEM_MASTER("IN", "item-master", true, "items and supplier SKU cross-references from the ERP"),
	PURCHASE_ORDERS_SENT("IN", "purchase-orders", false, "purchase orders the ERP sent (a canonical data set)"),
	SUPPLIER_CATALOG("IN", "supplier-catalog", true, "supplier items and costs, with the price tolerance"),
	SUPPLIER_AVAILABILITY("IN", "inventory", true, "a supplier's stock (846)"),
	PO_ACKNOWLEDGMENT("IN", "purchase-orders", true, "a supplier's acknowledgment of a PO (855)"),
	SHIP_NOTICE("IN", "purchase-orders", true, "a supplier's ship notice: expected receipts (856)"),
	SUPPLIER_INVOICE("IN", "purchase-orders", true, "a supplier's invoice, three-way matched (810)"),
	STOCK_SNAPSHOT("IN", "inventory", true, "a warehouse's full stock, replacing the site"),
	STOCK_EVENTS("IN", "inventory", true, "a warehouse's stock movements, once per event id"),
	SHIPMENT_CONFIRMATIONS("IN", "sales-orders", true, "a warehouse's shipments of sales orders"),
	WEB_ORDERS("IN", "sales-orders", true, "sales orders from a web shop"),
	EDI_ORDERS("IN", "sales-orders", true, "a customer's EDI orders (850), answered with its 855 route if it has one"),
	OUTBOUND_DOCUMENT("OUT", null, true, "a document sent through its mapping (850, 855, 856, 810)"),
	FUNCTIONAL_ACKNOWLEDGMENT("OUT", "acknowledgments", false, "the 997 for every EDI group received"),
	RECEIVED_ACKNOWLEDGMENT("IN", "acknowledgments", false,
			"a partner's 997 for a group we sent: linked to what it answers, queued if not accepted");

	private final String direction;
	private final String flow;
	private final boolean needsMapping;
	private final String description;

	Workflow(String direction, String flow, boolean needsMapping, String description) {
		this.direction = direction;
		this.flow = flow;
		this.needsMapping = needsMapping;
		this.description = description;
	}

	/** IN or OUT. */
	public String direction() {
		return direction;
	}

	/** The flow its documents are journaled under; null when the route says (outbound documents). */
	public String flow() {
		return flow;
	}

	public boolean needsMapping() {
		return needsMapping;
	}

	public String description() {
		return description;
	}
}
