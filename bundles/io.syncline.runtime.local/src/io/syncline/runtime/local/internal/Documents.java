package io.syncline.runtime.local.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncline.runtime.api.BusinessDocument;
import io.syncline.store.PurchaseOrders;
import io.syncline.store.SalesOrders;
import io.syncline.store.Store;

/** Business documents read from the canonical state, as plain maps for views and scripts. */
public final class Documents {

	private final Store store;
	private final String tenantId;
	private final PurchaseOrders purchaseOrders = new PurchaseOrders();
	private final SalesOrders salesOrders;

	public Documents(Store store, String tenantId) {
		this.store = store;
		this.tenantId = tenantId;
		this.salesOrders = new SalesOrders(store.dialect());
	}

	public Optional<BusinessDocument> find(BusinessDocument.Type type, String key) throws SQLException {
		try (Connection connection = store.readConnection()) {
			try {
				return switch (type) {
				case PO -> purchaseOrder(connection, key);
				case SO -> salesOrder(connection, key);
				case ASN -> shipNotice(connection, key);
				case INVOICE -> invoice(connection, key);
				};
			} finally {
				connection.rollback();
			}
		}
	}

	private Optional<BusinessDocument> purchaseOrder(Connection connection, String key) throws SQLException {
		Optional<PurchaseOrders.Header> header = purchaseOrders.headerForUpdate(connection, tenantId, key);
		if (header.isEmpty()) {
			return Optional.empty();
		}
		List<Map<String, Object>> lines = new ArrayList<>();
		for (PurchaseOrders.Line line : purchaseOrders.lines(connection, tenantId, key)) {
			lines.add(fields(line));
		}
		return Optional.of(new BusinessDocument(BusinessDocument.Type.PO, key, header.get().status(),
				fields(header.get()), lines));
	}

	private Optional<BusinessDocument> salesOrder(Connection connection, String key) throws SQLException {
		Optional<SalesOrders.Header> header = salesOrders.header(connection, tenantId, key);
		if (header.isEmpty()) {
			return Optional.empty();
		}
		String number = header.get().orderNumber();
		List<Map<String, Object>> lines = new ArrayList<>();
		for (SalesOrders.Line line : salesOrders.lines(connection, tenantId, number)) {
			lines.add(fields(line));
		}
		return Optional.of(new BusinessDocument(BusinessDocument.Type.SO, number, header.get().status(),
				fields(header.get()), lines));
	}

	private Optional<BusinessDocument> shipNotice(Connection connection, String key) throws SQLException {
		List<PurchaseOrders.Receipt> receipts = purchaseOrders.receipts(connection, tenantId, key);
		if (receipts.isEmpty()) {
			return Optional.empty();
		}
		PurchaseOrders.Receipt first = receipts.get(0);
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("shipmentNumber", key);
		header.put("poNumbers", receipts.stream().map(PurchaseOrders.Receipt::poNumber).distinct().toList());
		header.put("warehouse", first.warehouse());
		header.put("expectedDate", text(first.expectedDate()));
		header.put("trackingNumber", first.trackingNumber());
		List<Map<String, Object>> lines = new ArrayList<>();
		for (PurchaseOrders.Receipt receipt : receipts) {
			lines.add(fields(receipt));
		}
		return Optional.of(new BusinessDocument(BusinessDocument.Type.ASN, key, "EXPECTED", header, lines));
	}

	private Optional<BusinessDocument> invoice(Connection connection, String key) throws SQLException {
		return purchaseOrders.invoice(connection, tenantId, key).map(invoice -> new BusinessDocument(
				BusinessDocument.Type.INVOICE, key, invoice.matchStatus(), fields(invoice), List.of()));
	}

	/** A record's components by name, dates and times as ISO text. */
	private static Map<String, Object> fields(Record record) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (var component : record.getClass().getRecordComponents()) {
			try {
				fields.put(component.getName(), text(component.getAccessor().invoke(record)));
			} catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		}
		return fields;
	}

	private static Object text(Object value) {
		return value instanceof java.time.temporal.Temporal ? value.toString() : value;
	}
}
