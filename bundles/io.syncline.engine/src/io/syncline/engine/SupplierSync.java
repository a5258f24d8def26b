package io.syncline.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.syncline.model.canonical.CanonicalPackage;
import io.syncline.model.canonical.SupplierItem;
import io.syncline.store.AuditLog;
import io.syncline.store.Catalog;
import io.syncline.store.Catalog.SupplierItemRow;
import io.syncline.store.ExceptionQueue;
import io.syncline.store.IdempotencyKeys;
import io.syncline.store.Store;

/**
 * Applies supplier catalog records (CSV, JSON, 832 — already mapped to SupplierItem) to a tenant's supplier items.
 * The SKU must be in the tenant's cross-reference, or resolved by the partner's mapping (its cross-reference table),
 * which is then learnt and audited; else it is an UNKNOWN_SKU exception. A cost change above the tenant's
 * tolerance is held as a PRICE_CHANGE exception for a person to accept or reject; below it, it is applied and
 * audited. Each record's effect is claimed by an idempotency key in the same transaction, so a retried message
 * never applies twice.
 */
public final class SupplierSync {

	public enum Outcome {
		APPLIED, UNCHANGED, PRICE_CHANGE_HELD, UNKNOWN_SKU, ALREADY_APPLIED
	}

	private static final String ACTOR = "supplier-sync";

	private final Catalog catalog;
	private final ExceptionQueue exceptions;
	private final IdempotencyKeys idempotency;
	private final AuditLog audit = new AuditLog();
	private final BigDecimal tolerancePercent;

	public SupplierSync(Store store, BigDecimal tolerancePercent) {
		this.catalog = new Catalog(store.dialect());
		this.exceptions = new ExceptionQueue(store);
		this.idempotency = new IdempotencyKeys(store.dialect());
		this.tolerancePercent = tolerancePercent;
	}

	/** Applies record {@code index} of journaled message {@code messageId}, in the caller's transaction. */
	public Outcome apply(Connection connection, String tenantId, long messageId, int index, SupplierItem update)
			throws SQLException {
		if (!idempotency.claim(connection, tenantId, "supplier-item/" + messageId + "/" + index)) {
			return Outcome.ALREADY_APPLIED;
		}
		String partner = update.getSupplier().getPartnerId();
		String sku = update.getSupplierSku();
		Optional<String> item = catalog.itemFor(connection, tenantId, partner, sku);
		if (item.isEmpty() && update.getItem() != null && update.getItem().getItemNumber() != null) {
			item = Optional.of(update.getItem().getItemNumber());
			catalog.addCrossReference(connection, tenantId, partner, sku, item.get());
			audit.append(connection, tenantId, ACTOR, "learn-cross-reference", "xref/" + partner + "/" + sku, null,
					"{\"item\":\"" + item.get() + "\"}", "resolved by the " + partner + " mapping, message " + messageId);
		}
		if (item.isEmpty()) {
			exceptions.open(connection, tenantId, messageId, "UNKNOWN_SKU", sku, "record " + (index + 1),
					partner + " SKU " + sku + " is not in the item cross-reference; add it to the item master or "
							+ "the cross-reference, then resubmit");
			return Outcome.UNKNOWN_SKU;
		}
		SupplierItemRow incoming = new SupplierItemRow(partner, sku, item.get(), update.getUom(), update.getPackQuantity(),
				update.getCost().getAmount(), update.getCost().getCurrency(),
				update.eIsSet(CanonicalPackage.Literals.SUPPLIER_ITEM__LEAD_TIME_DAYS) ? update.getLeadTimeDays() : null,
				update.getMinimumOrderQuantity(), update.getEffectiveDate());
		Optional<SupplierItemRow> current = catalog.supplierItemForUpdate(connection, tenantId, partner, sku);
		if (current.isPresent() && sameContent(current.get(), incoming)) {
			return Outcome.UNCHANGED;
		}
		if (current.isPresent() && !sameCost(current.get(), incoming)) {
			BigDecimal change = percentChange(current.get().cost(), incoming.cost());
			if (change.abs().compareTo(tolerancePercent) > 0) {
				exceptions.open(connection, tenantId, messageId, "PRICE_CHANGE", partner + "/" + sku, "record " + (index + 1),
						String.format("%s %s (%s): cost %s → %s (%s%s %%) is above the %s %% tolerance; accept or reject",
								partner, sku, item.get(), Decimals.plain(current.get().cost()), Decimals.plain(incoming.cost()),
								change.signum() > 0 ? "+" : "", change.toPlainString(),
								tolerancePercent.toPlainString()),
						CatalogProposal.write(incoming, messageId));
				return Outcome.PRICE_CHANGE_HELD;
			}
		}
		catalog.putSupplierItem(connection, tenantId, incoming, messageId);
		audit.append(connection, tenantId, ACTOR, current.isPresent() ? "update" : "create",
				"supplier-item/" + partner + "/" + sku, current.map(SupplierSync::describe).orElse(null),
				describe(incoming), "catalog message " + messageId);
		return Outcome.APPLIED;
	}

	/** Equal as a buyer sees it: decimals by value (the database returns them at its own scale). */
	private static boolean sameContent(SupplierItemRow a, SupplierItemRow b) {
		return sameCost(a, b) && a.itemNumber().equals(b.itemNumber()) && java.util.Objects.equals(a.uom(), b.uom())
				&& sameNumber(a.packQuantity(), b.packQuantity()) && sameNumber(a.moq(), b.moq())
				&& java.util.Objects.equals(a.leadTimeDays(), b.leadTimeDays())
				&& java.util.Objects.equals(a.effectiveDate(), b.effectiveDate());
	}

	private static boolean sameNumber(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static boolean sameCost(SupplierItemRow a, SupplierItemRow b) {
		return a.cost().compareTo(b.cost()) == 0 && a.currency().equals(b.currency());
	}

	/** (new − old) / old in percent, one decimal. */
	static BigDecimal percentChange(BigDecimal before, BigDecimal after) {
		if (before.signum() == 0) {
			return after.signum() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(100);
		}
		return after.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, MathContext.DECIMAL64)
				.setScale(1, RoundingMode.HALF_UP);
	}

	/** A decimal as people write it: the database's scale adds trailing zeros. */
	static String describe(SupplierItemRow row) {
		return "{\"item\":\"" + row.itemNumber() + "\",\"cost\":" + Decimals.plain(row.cost()) + ",\"currency\":\""
				+ row.currency() + "\"}";
	}
}
