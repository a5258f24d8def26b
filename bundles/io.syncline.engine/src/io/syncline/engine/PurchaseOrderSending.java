package io.syncline.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.syncline.model.canonical.PurchaseOrder;
import io.syncline.model.canonical.PurchaseOrderLine;
import io.syncline.store.AuditLog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.PurchaseOrders;
import io.syncline.store.Store;

/**
 * A purchase order the ERP hands over, on its way to the supplier: through the supplier's 850 route, as an 850 in
 * the transactional outbox, and only then SENT. A supplier without an 850 route leaves it DRAFT, waiting, with an
 * exception that says so. A PO number sent before that arrives again unchanged sends nothing; changed, it is held
 * as a PO_CHANGE naming the lines that differ (sending 860 change orders is not built yet).
 */
final class PurchaseOrderSending {

	enum Outcome {
		SENT, ALREADY_SENT, PO_CHANGE, WAITING_FOR_ROUTE
	}

	private static final String ACTOR = "po-flow";

	private final String tenantId;
	private final PartnerDirectory partners;
	private final Outbound outbound;
	private final PurchaseOrders orders = new PurchaseOrders();
	private final ExceptionQueue exceptions;
	private final AuditLog audit = new AuditLog();

	PurchaseOrderSending(Store store, String tenantId, PartnerDirectory partners, Outbound outbound) {
		this.tenantId = tenantId;
		this.partners = partners;
		this.outbound = outbound;
		this.exceptions = new ExceptionQueue(store);
	}

	Outcome send(Connection connection, long messageId, PurchaseOrder po) throws SQLException {
		String number = po.getPoNumber();
		String supplier = po.getSupplier().getPartnerId();
		List<PurchaseOrders.Line> lines = linesOf(po);
		var existing = orders.headerForUpdate(connection, tenantId, number);
		if (existing.isPresent()) {
			List<String> differences = differences(orders.lines(connection, tenantId, number), lines);
			if (!Objects.equals(existing.get().supplierId(), supplier)) {
				differences.add(0, "supplier " + existing.get().supplierId() + " → " + supplier);
			}
			if (!differences.isEmpty()) {
				exceptions.open(connection, tenantId, messageId, "PO_CHANGE", "PO:" + number, number,
						number + " was handed over before and arrives again changed: " + String.join("; ", differences)
								+ ". Change orders (860) are not sent yet: tell " + supplier
								+ " of the change, then resolve this");
				return Outcome.PO_CHANGE;
			}
			if (!existing.get().status().equals("DRAFT")) {
				return Outcome.ALREADY_SENT;
			}
		}
		var route = partners.outbound(supplier, "850");
		if (route.isEmpty()) {
			if (existing.isEmpty()) {
				orders.insert(connection, tenantId, header(po, "DRAFT"), lines);
			}
			exceptions.open(connection, tenantId, messageId, "NO_ROUTE", "PO:" + number, number, number
					+ " waits as DRAFT: supplier '" + supplier + "' has no 850 route out, so it cannot be sent; give "
					+ supplier + " one (partners save " + supplier
					+ " --flows 850:OUT:OUTBOUND_DOCUMENT:MAPPING …), then resubmit this message");
			return Outcome.WAITING_FOR_ROUTE;
		}
		outbound.sendPurchaseOrder(connection, route.get(), po);
		if (existing.isPresent()) {
			orders.setStatus(connection, tenantId, number, "SENT", null);
		} else {
			orders.insert(connection, tenantId, header(po, "SENT"), lines);
		}
		audit.append(connection, tenantId, ACTOR, "send", "po/" + number,
				existing.isPresent() ? "{\"status\":\"DRAFT\"}" : null, "{\"status\":\"SENT\"}",
				"850 to " + supplier + " through route " + route.get().mapping() + ", message " + messageId);
		return Outcome.SENT;
	}

	static PurchaseOrders.Header header(PurchaseOrder po, String status) {
		return new PurchaseOrders.Header(po.getPoNumber(), po.getSupplier().getPartnerId(), status, po.getOrderDate(),
				po.getRequestedDate(), po.getCurrency(),
				po.getShipToWarehouse() == null ? null : po.getShipToWarehouse().getCode(), null);
	}

	/** The lines as the ERP sends them, before any acknowledgment. */
	static List<PurchaseOrders.Line> linesOf(PurchaseOrder po) {
		List<PurchaseOrders.Line> lines = new ArrayList<>();
		for (PurchaseOrderLine line : po.getLines()) {
			BigDecimal price = line.getUnitPrice().getAmount();
			lines.add(new PurchaseOrders.Line(line.getLineNumber(),
					line.getItem() == null ? null : line.getItem().getItemNumber(), line.getSupplierSku(),
					line.getQuantity().getValue(), line.getQuantity().getUom(), price, null, null, null, null, price,
					BigDecimal.ZERO));
		}
		return lines;
	}

	/** What differs line by line between the PO as handed over before and now, in the words of the ERP's fields. */
	static List<String> differences(List<PurchaseOrders.Line> before, List<PurchaseOrders.Line> now) {
		Map<Integer, PurchaseOrders.Line> old = new TreeMap<>();
		before.forEach(line -> old.put(line.lineNumber(), line));
		List<String> differences = new ArrayList<>();
		for (PurchaseOrders.Line line : now) {
			PurchaseOrders.Line was = old.remove(line.lineNumber());
			String at = "line " + line.lineNumber();
			if (was == null) {
				differences.add(at + " added (" + Decimals.plain(line.quantity()) + " " + line.uom() + " "
						+ line.supplierSku() + ")");
				continue;
			}
			if (!Objects.equals(was.supplierSku(), line.supplierSku())) {
				differences.add(at + " SKU " + was.supplierSku() + " → " + line.supplierSku());
			}
			if (was.quantity().compareTo(line.quantity()) != 0 || !Objects.equals(was.uom(), line.uom())) {
				differences.add(at + " quantity " + Decimals.plain(was.quantity()) + " " + was.uom() + " → "
						+ Decimals.plain(line.quantity()) + " " + line.uom());
			}
			if (was.unitPrice().compareTo(line.unitPrice()) != 0) {
				differences.add(at + " unit price " + Decimals.plain(was.unitPrice()) + " → "
						+ Decimals.plain(line.unitPrice()));
			}
		}
		old.keySet().forEach(number -> differences.add("line " + number + " removed"));
		return differences;
	}
}
