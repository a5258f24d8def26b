package io.syncline.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

import io.syncline.store.Catalog;
import io.syncline.store.Inventory;
import io.syncline.store.Inventory.Position;
import io.syncline.store.TenantRules;

/**
 * ATP of a stock position under the tenant's rules: on hand − allocated − damaged − safety stock, plus stock on its
 * way when the tenant counts it. One place, so stock sync and order allocation can never disagree.
 */
final class AtpCalculator {

	private final Catalog catalog;
	private final Inventory inventory = new Inventory();
	private final TenantRules tenantRules = new TenantRules();

	AtpCalculator(Catalog catalog) {
		this.catalog = catalog;
	}

	AtpRules rules(Connection connection, String tenantId) throws SQLException {
		return AtpRules.of(tenantRules.all(connection, tenantId));
	}

	BigDecimal atp(Connection connection, String tenantId, Position position) throws SQLException {
		return atp(connection, tenantId, position, rules(connection, tenantId));
	}

	BigDecimal atp(Connection connection, String tenantId, Position position, AtpRules rules) throws SQLException {
		return atp(connection, tenantId, position, rules, safetyStock(connection, tenantId, position.itemNumber()));
	}

	BigDecimal safetyStock(Connection connection, String tenantId, String item) throws SQLException {
		return catalog.safetyStock(connection, tenantId, item);
	}

	/** With the item's safety stock already read, for a before and an after of the same position. */
	BigDecimal atp(Connection connection, String tenantId, Position position, AtpRules rules, BigDecimal safetyStock)
			throws SQLException {
		BigDecimal atp = position.onHand().subtract(position.allocated()).subtract(position.damaged())
				.subtract(safetyStock);
		if (rules.countInTransit()) {
			atp = atp.add(position.inTransit()).add(
					inventory.expectedInbound(connection, tenantId, position.itemNumber(), position.warehouse()));
		}
		return atp;
	}
}
