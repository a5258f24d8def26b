package io.syncline.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncline.model.canonical.AcknowledgmentStatus;
import io.syncline.model.canonical.Invoice;
import io.syncline.model.canonical.InvoiceLine;
import io.syncline.model.canonical.LineAcknowledgment;
import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.model.canonical.PurchaseOrderLine;
import io.syncline.model.canonical.Shipment;
import io.syncline.model.canonical.ShipmentLine;
import io.syncline.model.canonical.ShipmentOrder;
import io.syncline.model.canonical.ShipmentPackage;
import io.syncline.store.AuditLog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.IdempotencyKeys;
import io.syncline.store.PurchaseOrders;
import io.syncline.store.PurchaseOrders.Header;
import io.syncline.store.PurchaseOrders.Line;
import io.syncline.store.PurchaseOrders.Receipt;
import io.syncline.store.Store;

/**
 * A purchase order's lifecycle: sent (850), acknowledged line by line (855: accepted, backordered with a date,
 * repriced), shipped (856: expected receipts at the ship-to warehouse), invoiced (810: three-way match of PO as
 * acknowledged × ASN × invoice). A price change above the tenant's tolerance is held for a person; the invoice
 * matches the agreed price, so it matches once the change is accepted and is a mismatch exception while it is open.
 */
public final class PurchaseOrderFlow {

	public enum Outcome {
		RECORDED, UNKNOWN_PO, MATCHED, MISMATCH, ALREADY_APPLIED
	}

	private static final String ACTOR = "po-flow";

	private final PurchaseOrders orders = new PurchaseOrders();
	private final AuditLog audit = new AuditLog();
	private final ExceptionQueue exceptions;
	private final IdempotencyKeys idempotency;
	private final BigDecimal priceTolerancePercent;

	public PurchaseOrderFlow(Store store, BigDecimal priceTolerancePercent) {
		this.exceptions = new ExceptionQueue(store);
		this.idempotency = new IdempotencyKeys(store.dialect());
		this.priceTolerancePercent = priceTolerancePercent;
	}

	/**
	 * Records a purchase order as sent to its supplier by other means, making no 850 (a PO the ERP sent itself);
	 * the ERP's handover through the pipeline sends it (see {@code PurchaseOrderSending}).
	 */
	public void send(Connection connection, String tenantId, PurchaseOrder po) throws SQLException {
		orders.insert(connection, tenantId, PurchaseOrderSending.header(po, "SENT"), PurchaseOrderSending.linesOf(po));
		audit.append(connection, tenantId, ACTOR, "send", "po/" + po.getPoNumber(), null, "{\"status\":\"SENT\"}", null);
	}

	public Outcome acknowledge(Connection connection, String tenantId, long messageId, PurchaseOrder ack)
			throws SQLException {
		if (!idempotency.claim(connection, tenantId, "po-ack/" + messageId)) {
			return Outcome.ALREADY_APPLIED;
		}
		String po = ack.getPoNumber();
		if (!known(connection, tenantId, messageId, po, "855")) {
			return Outcome.UNKNOWN_PO;
		}
		Map<Integer, Line> lines = byNumber(orders.lines(connection, tenantId, po));
		for (PurchaseOrderLine acknowledged : ack.getLines()) {
			Line line = lines.get(acknowledged.getLineNumber());
			if (line == null) {
				exceptions.open(connection, tenantId, messageId, "UNKNOWN_PO_LINE", po + "/" + acknowledged.getLineNumber(),
						LineItems.location("855", acknowledged.getLineNumber()),
						po + " has no line " + acknowledged.getLineNumber());
				continue;
			}
			orders.replaceLine(connection, tenantId, po, acknowledgedLine(connection, tenantId, messageId, po, line,
					acknowledged.getAcknowledgments()));
		}
		orders.setStatus(connection, tenantId, po, "ACKNOWLEDGED", ack.getAcknowledgmentNumber());
		audit.append(connection, tenantId, ACTOR, "acknowledge", "po/" + po, "{\"status\":\"SENT\"}",
				"{\"status\":\"ACKNOWLEDGED\"}", "855 " + ack.getAcknowledgmentNumber() + ", message " + messageId);
		return Outcome.RECORDED;
	}

	private Line acknowledgedLine(Connection connection, String tenantId, long messageId, String po, Line line,
			List<LineAcknowledgment> acks) throws SQLException {
		BigDecimal accepted = BigDecimal.ZERO;
		BigDecimal backordered = BigDecimal.ZERO;
		LocalDate backorderDate = null;
		BigDecimal newPrice = null;
		for (LineAcknowledgment ack : acks) {
			BigDecimal quantity = ack.getQuantity().getValue();
			if (ack.getStatus() == AcknowledgmentStatus.BACKORDERED) {
				backordered = backordered.add(quantity);
				backorderDate = ack.getScheduledDate();
			} else if (ack.getStatus() != AcknowledgmentStatus.REJECTED) {
				accepted = accepted.add(quantity);
			}
			if (ack.getUnitPrice() != null) {
				newPrice = ack.getUnitPrice().getAmount();
			}
		}
		BigDecimal agreed = line.agreedPrice();
		BigDecimal proposed = null;
		if (newPrice != null && newPrice.compareTo(line.unitPrice()) != 0) {
			BigDecimal change = SupplierSync.percentChange(line.unitPrice(), newPrice);
			if (change.abs().compareTo(priceTolerancePercent) > 0) {
				proposed = newPrice;
				exceptions.open(connection, tenantId, messageId, "PRICE_CHANGE", po + "/" + line.lineNumber(),
						LineItems.location("855", line.lineNumber()),
						String.format("%s line %d %s: price %s → %s (%s%s %%) is above the %s %% tolerance; accept or reject",
								po, line.lineNumber(), line.supplierSku(), Decimals.plain(line.unitPrice()), Decimals.plain(newPrice),
								change.signum() > 0 ? "+" : "", change.toPlainString(), Decimals.plain(priceTolerancePercent)));
			} else {
				agreed = newPrice;
			}
		}
		return new Line(line.lineNumber(), line.itemNumber(), line.supplierSku(), line.quantity(), line.uom(),
				line.unitPrice(), accepted, backordered, backorderDate, proposed, agreed, line.shipped());
	}

	/** A person accepts a held price change: the proposed price becomes the agreed one. */
	public void acceptPriceChange(Connection connection, String tenantId, String po, int lineNumber, String actor,
			String reason) throws SQLException {
		orders.headerForUpdate(connection, tenantId, po)
				.orElseThrow(() -> new IllegalArgumentException("no purchase order " + po));
		Line line = byNumber(orders.lines(connection, tenantId, po)).get(lineNumber);
		if (line == null || line.proposedPrice() == null) {
			throw new IllegalStateException(po + " line " + lineNumber + " has no price change waiting");
		}
		orders.replaceLine(connection, tenantId, po, new Line(line.lineNumber(), line.itemNumber(), line.supplierSku(),
				line.quantity(), line.uom(), line.unitPrice(), line.accepted(), line.backordered(), line.backorderDate(),
				null, line.proposedPrice(), line.shipped()));
		audit.append(connection, tenantId, actor, "accept-price-change", "po/" + po + "/" + lineNumber,
				"{\"agreedPrice\":" + Decimals.plain(line.agreedPrice()) + "}", "{\"agreedPrice\":" + Decimals.plain(line.proposedPrice()) + "}",
				reason);
	}

	public Outcome ship(Connection connection, String tenantId, long messageId, Shipment asn) throws SQLException {
		if (!idempotency.claim(connection, tenantId, "asn/" + messageId)) {
			return Outcome.ALREADY_APPLIED;
		}
		String warehouse = asn.getShipToWarehouse() == null ? null : asn.getShipToWarehouse().getCode();
		for (ShipmentOrder order : asn.getOrders()) {
			String po = order.getPoNumber();
			if (!known(connection, tenantId, messageId, po, "856 " + asn.getShipmentNumber())) {
				continue;
			}
			Map<String, BigDecimal> bySku = new LinkedHashMap<>();
			Map<String, String> uoms = new LinkedHashMap<>();
			for (ShipmentPackage carton : order.getPackages()) {
				for (ShipmentLine line : carton.getLines()) {
					bySku.merge(line.getSupplierSku(), line.getQuantity().getValue(), BigDecimal::add);
					uoms.put(line.getSupplierSku(), line.getQuantity().getUom());
				}
			}
			List<Line> lines = orders.lines(connection, tenantId, po);
			boolean complete = true;
			for (Line line : lines) {
				BigDecimal shipped = line.shipped().add(bySku.getOrDefault(line.supplierSku(), BigDecimal.ZERO));
				orders.replaceLine(connection, tenantId, po, new Line(line.lineNumber(), line.itemNumber(),
						line.supplierSku(), line.quantity(), line.uom(), line.unitPrice(), line.accepted(),
						line.backordered(), line.backorderDate(), line.proposedPrice(), line.agreedPrice(), shipped));
				complete &= shipped.compareTo(line.quantity()) >= 0;
			}
			for (Map.Entry<String, BigDecimal> sku : bySku.entrySet()) {
				orders.putReceipt(connection, tenantId, new Receipt(asn.getShipmentNumber(), sku.getKey(), po, warehouse,
						sku.getValue(), uoms.get(sku.getKey()), asn.getEstimatedDeliveryDate(), asn.getTrackingNumber()));
			}
			String status = complete ? "SHIPPED" : "PARTIALLY_SHIPPED";
			orders.setStatus(connection, tenantId, po, status, null);
			audit.append(connection, tenantId, ACTOR, "ship", "po/" + po, null, "{\"status\":\"" + status + "\"}",
					"856 " + asn.getShipmentNumber() + ", message " + messageId);
		}
		return Outcome.RECORDED;
	}

	/** Three-way match: each invoice line against the PO line as acknowledged (agreed price) and as shipped. */
	public Outcome invoice(Connection connection, String tenantId, long messageId, Invoice invoice) throws SQLException {
		if (!idempotency.claim(connection, tenantId, "invoice/" + messageId)) {
			return Outcome.ALREADY_APPLIED;
		}
		String po = invoice.getPoNumber();
		if (!known(connection, tenantId, messageId, po, "810 " + invoice.getInvoiceNumber())) {
			return Outcome.UNKNOWN_PO;
		}
		Map<Integer, Line> lines = byNumber(orders.lines(connection, tenantId, po));
		List<String> mismatches = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (InvoiceLine invoiced : invoice.getLines()) {
			BigDecimal quantity = invoiced.getQuantity().getValue();
			BigDecimal price = invoiced.getUnitPrice().getAmount();
			total = total.add(quantity.multiply(price));
			Line line = lines.get(invoiced.getLineNumber());
			if (line == null) {
				mismatches.add("line " + invoiced.getLineNumber() + " is not on " + po);
				continue;
			}
			if (quantity.compareTo(line.shipped()) != 0) {
				mismatches.add("line " + line.lineNumber() + " " + line.supplierSku() + ": invoiced " + Decimals.plain(quantity) + " "
						+ line.uom() + ", shipped " + Decimals.plain(line.shipped()));
			}
			if (price.compareTo(line.agreedPrice()) != 0) {
				mismatches.add("line " + line.lineNumber() + " " + line.supplierSku() + ": invoiced at " + Decimals.plain(price)
						+ ", agreed " + Decimals.plain(line.agreedPrice())
						+ (line.proposedPrice() != null ? " (a change to " + Decimals.plain(line.proposedPrice()) + " awaits acceptance)" : ""));
			}
		}
		if (invoice.getTotalAmount() != null && invoice.getTotalAmount().getAmount().compareTo(total) != 0) {
			mismatches.add("total " + Decimals.plain(invoice.getTotalAmount().getAmount()) + " is not the sum of the lines "
					+ Decimals.plain(total));
		}
		String status = mismatches.isEmpty() ? "MATCHED" : "MISMATCH";
		orders.putInvoice(connection, tenantId, invoice.getInvoiceNumber(), po, total.setScale(2, RoundingMode.HALF_UP),
				status, messageId);
		if (!mismatches.isEmpty()) {
			exceptions.open(connection, tenantId, messageId, "INVOICE_MISMATCH", invoice.getInvoiceNumber(),
					"810 " + invoice.getInvoiceNumber(), invoice.getInvoiceNumber() + " against " + po + ": "
							+ String.join("; ", mismatches));
			return Outcome.MISMATCH;
		}
		orders.setStatus(connection, tenantId, po, "INVOICED", null);
		audit.append(connection, tenantId, ACTOR, "invoice", "po/" + po, null, "{\"status\":\"INVOICED\"}",
				"810 " + invoice.getInvoiceNumber() + " matched, total " + Decimals.plain(total));
		return Outcome.MATCHED;
	}

	private boolean known(Connection connection, String tenantId, long messageId, String po, String document)
			throws SQLException {
		Optional<Header> header = orders.headerForUpdate(connection, tenantId, po);
		if (header.isEmpty()) {
			exceptions.open(connection, tenantId, messageId, "UNKNOWN_PO", po, document,
					document + " refers to purchase order " + po + ", which was never sent");
		}
		return header.isPresent();
	}

	private static Map<Integer, Line> byNumber(List<Line> lines) {
		Map<Integer, Line> map = new LinkedHashMap<>();
		lines.forEach(l -> map.put(l.lineNumber(), l));
		return map;
	}
}
