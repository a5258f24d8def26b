package io.syncline.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

import io.syncline.store.AuditLog;
import io.syncline.store.Catalog;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.Store;

/**
 * What a person decides about an exception. Accepting a purchase-order price change makes the proposed price the
 * agreed one, and accepting a supplier catalog's cost change applies the catalog row it held back; rejecting keeps
 * the price as it was (the supplier must be told); ignoring closes it without effect. Every decision needs a reason
 * and is audited.
 */
public final class Resolutions {

	public enum Decision {
		ACCEPT, REJECT, IGNORE
	}

	private final Store store;
	private final ExceptionQueue queue;
	private final PurchaseOrderFlow purchaseOrders;
	private final Catalog catalog;
	private final AuditLog audit = new AuditLog();

	public Resolutions(Store store, BigDecimal priceTolerancePercent) {
		this.store = store;
		this.queue = new ExceptionQueue(store);
		this.purchaseOrders = new PurchaseOrderFlow(store, priceTolerancePercent);
		this.catalog = new Catalog(store.dialect());
	}

	/** Why the decision cannot be taken on the exception, or null if it can (a dry run asks this). */
	public static String refusal(ExceptionQueue.Item item, Decision decision) {
		if (!item.isOpen()) {
			return "exception " + item.id() + " is already " + item.state().name().toLowerCase();
		}
		if (decision == Decision.IGNORE) {
			return null;
		}
		if (!item.kind().equals("PRICE_CHANGE") || item.businessKey() == null || !item.businessKey().contains("/")) {
			return "exception " + item.id() + " (" + item.kind() + ", " + item.businessKey() + ") cannot be accepted or "
					+ "rejected; ignore or resolve it with a reason, or fix and resubmit the message";
		}
		return null;
	}

	public void decide(String tenantId, long exceptionId, Decision decision, String actor, String reason)
			throws SQLException {
		ExceptionQueue.Item item = queue.get(tenantId, exceptionId);
		if (decision == Decision.IGNORE) {
			queue.close(tenantId, exceptionId, actor, ExceptionQueue.State.IGNORED, reason);
			return;
		}
		String refusal = refusal(item, decision);
		if (refusal != null) {
			throw new IllegalArgumentException(refusal);
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a decision needs a reason");
		}
		if (decision == Decision.ACCEPT) {
			String key = item.businessKey();
			store.inTransaction(connection -> {
				if (key.startsWith("PO-")) {
					String po = key.substring(0, key.lastIndexOf('/'));
					int line = Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
					purchaseOrders.acceptPriceChange(connection, tenantId, po, line, actor, reason);
				} else {
					acceptCatalogCost(connection, tenantId, item, actor, reason);
				}
				return null;
			});
		}
		queue.close(tenantId, exceptionId, actor, ExceptionQueue.State.RESOLVED,
				(decision == Decision.ACCEPT ? "accepted: " : "rejected: ") + reason);
	}

	/** The supplier item the catalog proposed becomes the stored one, audited before and after. */
	private void acceptCatalogCost(Connection connection, String tenantId, ExceptionQueue.Item item, String actor,
			String reason) throws SQLException {
		String proposal = queue.proposal(connection, tenantId, item.id()).orElseThrow(() -> new IllegalArgumentException(
				"exception " + item.id() + " keeps no proposed catalog row (it was opened before proposals were kept); "
						+ "resubmit its catalog message instead"));
		Catalog.SupplierItemRow proposed = CatalogProposal.read(proposal);
		var current = catalog.supplierItemForUpdate(connection, tenantId, proposed.partnerId(), proposed.supplierSku());
		catalog.putSupplierItem(connection, tenantId, proposed, CatalogProposal.messageOf(proposal));
		audit.append(connection, tenantId, actor, "accept-price-change",
				"supplier-item/" + proposed.partnerId() + "/" + proposed.supplierSku(),
				current.map(SupplierSync::describe).orElse(null), SupplierSync.describe(proposed), reason);
	}
}
