package io.syncline.engine;

import java.math.BigDecimal;
import java.sql.SQLException;

import io.syncline.store.ExceptionQueue;
import io.syncline.store.Store;

/**
 * What a person decides about an exception. Accepting a purchase-order price change makes the proposed price the
 * agreed one; rejecting keeps the PO price (the supplier must be told); ignoring closes it without effect. Every
 * decision needs a reason and is audited.
 */
public final class Resolutions {

	public enum Decision {
		ACCEPT, REJECT, IGNORE
	}

	private final Store store;
	private final ExceptionQueue queue;
	private final PurchaseOrderFlow purchaseOrders;

	public Resolutions(Store store, BigDecimal priceTolerancePercent) {
		this.store = store;
		this.queue = new ExceptionQueue(store);
		this.purchaseOrders = new PurchaseOrderFlow(store, priceTolerancePercent);
	}

	public void decide(String tenantId, long exceptionId, Decision decision, String actor, String reason)
			throws SQLException {
		ExceptionQueue.Item item = queue.get(tenantId, exceptionId);
		if (decision == Decision.IGNORE) {
			queue.close(tenantId, exceptionId, actor, ExceptionQueue.State.IGNORED, reason);
			return;
		}
		if (!item.kind().equals("PRICE_CHANGE") || item.businessKey() == null || !item.businessKey().contains("/")
				|| !item.businessKey().startsWith("PO-")) {
			throw new IllegalArgumentException("exception " + exceptionId + " (" + item.kind() + ", " + item.businessKey()
					+ ") cannot be accepted or rejected here; ignore it with a reason, or fix and resubmit the message");
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a decision needs a reason");
		}
		if (decision == Decision.ACCEPT) {
			String po = item.businessKey().substring(0, item.businessKey().lastIndexOf('/'));
			int line = Integer.parseInt(item.businessKey().substring(item.businessKey().lastIndexOf('/') + 1));
			store.inTransaction(connection -> {
				purchaseOrders.acceptPriceChange(connection, tenantId, po, line, actor, reason);
				return null;
			});
		}
		queue.close(tenantId, exceptionId, actor, ExceptionQueue.State.RESOLVED,
				(decision == Decision.ACCEPT ? "accepted: " : "rejected: ") + reason);
	}
}
