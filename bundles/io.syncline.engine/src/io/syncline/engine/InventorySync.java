package io.syncline.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.syncline.model.canonical.InventoryEvent;
import io.syncline.model.canonical.InventoryPosition;
import io.syncline.store.Catalog;
import io.syncline.store.IdempotencyKeys;
import io.syncline.store.Inventory;
import io.syncline.store.Inventory.AtpChange;
import io.syncline.store.Inventory.Position;
import io.syncline.store.Store;
import io.syncline.store.TenantRules;

/**
 * Stock from the WMS. A snapshot replaces a site's positions unless a newer one was applied (then it is ignored);
 * delta events apply exactly once by event id. Every change of available-to-promise is recorded with its cause, so
 * {@link #explainAtp} can answer why a figure moved.
 * <p>
 * ATP = on hand − allocated − damaged − safety stock, plus stock on its way if the tenant's rules count it (see
 * {@link AtpRules}). Event semantics follow the WMS feed: receipts, transfers and
 * picks carry signed quantities for on hand; a cycle count sets on hand; an adjustment moves stock to damaged
 * (DAMAGED), adds it (FOUND) or removes it (SHRINK).
 */
public final class InventorySync {

	public enum Outcome {
		APPLIED, DUPLICATE, IGNORED_OLDER
	}

	private final Store store;
	private final Inventory inventory = new Inventory();
	private final Catalog catalog;
	private final IdempotencyKeys idempotency;
	private final AtpCalculator calculator;
	private final TenantRules tenantRules = new TenantRules();

	public InventorySync(Store store) {
		this.store = store;
		this.catalog = new Catalog(store.dialect());
		this.idempotency = new IdempotencyKeys(store.dialect());
		this.calculator = new AtpCalculator(catalog);
	}

	public Outcome applySnapshot(Connection connection, String tenantId, long messageId, String warehouse,
			OffsetDateTime asOf, List<InventoryPosition> positions) throws SQLException {
		if (!inventory.claimSnapshot(connection, store.dialect(), tenantId, warehouse, asOf, messageId)) {
			return Outcome.IGNORED_OLDER;
		}
		AtpRules rules = calculator.rules(connection, tenantId);
		Map<String, BigDecimal> before = new HashMap<>();
		for (Position position : inventory.positionsOfSite(connection, tenantId, warehouse)) {
			before.put(position.itemNumber(), calculator.atp(connection, tenantId, position, rules));
		}
		inventory.removeSite(connection, tenantId, warehouse);
		String reference = "snapshot message " + messageId;
		for (InventoryPosition incoming : positions) {
			Position position = new Position(incoming.getItem().getItemNumber(), warehouse, incoming.getOnHand(),
					incoming.getAllocated(), incoming.getDamaged(), incoming.getInTransit(),
					incoming.getAsOf() == null ? asOf : incoming.getAsOf().atOffset(ZoneOffset.UTC));
			inventory.put(connection, tenantId, position);
			BigDecimal after = calculator.atp(connection, tenantId, position, rules);
			BigDecimal previous = before.remove(position.itemNumber());
			if (previous == null || previous.compareTo(after) != 0) {
				inventory.recordAtp(connection, tenantId, position.itemNumber(), warehouse, "SNAPSHOT", reference,
						previous, after, "on hand " + Decimals.plain(position.onHand()) + ", allocated " + Decimals.plain(position.allocated())
								+ ", damaged " + Decimals.plain(position.damaged()) + " as of " + position.asOf());
			}
		}
		for (Map.Entry<String, BigDecimal> gone : before.entrySet()) {
			inventory.recordAtp(connection, tenantId, gone.getKey(), warehouse, "SNAPSHOT", reference, gone.getValue(),
					BigDecimal.ZERO, "not in the snapshot of " + warehouse);
		}
		return Outcome.APPLIED;
	}

	public Outcome applyEvent(Connection connection, String tenantId, long messageId, InventoryEvent event)
			throws SQLException {
		if (!idempotency.claim(connection, tenantId, eventKey(event))) {
			return Outcome.DUPLICATE;
		}
		String item = event.getItem().getItemNumber();
		String warehouse = event.getWarehouse().getCode();
		Position current = inventory.positionForUpdate(connection, tenantId, item, warehouse)
				.orElse(new Position(item, warehouse, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
						null));
		// rules and safety stock read once: neither can change between before and after
		AtpRules rules = calculator.rules(connection, tenantId);
		BigDecimal safety = calculator.safetyStock(connection, tenantId, item);
		BigDecimal before = calculator.atp(connection, tenantId, current, rules, safety);
		Position changed = change(current, event);
		inventory.put(connection, tenantId, changed);
		BigDecimal after = calculator.atp(connection, tenantId, changed, rules, safety);
		inventory.recordAtp(connection, tenantId, item, warehouse, "EVENT", event.getEventId(), before, after,
				eventDetail(event, messageId));
		return Outcome.APPLIED;
	}

	/** How an event's ATP change reads in {@code explainAtp}. */
	static String eventDetail(InventoryEvent event, long messageId) {
		return event.getType().getName() + " " + signed(event.getQuantity())
				+ (event.getReason() == null ? "" : " (" + event.getReason() + ")") + ", message " + messageId;
	}

	/** The business key of the position an event moves, under which its records apply in order; null without one. */
	static String positionKey(InventoryEvent event) {
		return event.getItem() == null || event.getWarehouse() == null ? null
				: "POS:" + Inventory.key(event.getItem().getItemNumber(), event.getWarehouse().getCode());
	}

	/** The idempotency key of a WMS event. */
	static String eventKey(InventoryEvent event) {
		return "wms-event/" + event.getEventId();
	}

	static Position change(Position position, InventoryEvent event) {
		BigDecimal quantity = event.getQuantity();
		return switch (event.getType()) {
		case RECEIPT, TRANSFER_IN, TRANSFER_OUT, PICK -> position.withOnHand(position.onHand().add(quantity));
		case CYCLE_COUNT -> position.withOnHand(quantity);
		case ADJUSTMENT -> switch (event.getReason() == null ? "" : event.getReason()) {
		case "DAMAGED" -> position.withDamaged(position.damaged().add(quantity.abs()));
		case "SHRINK" -> position.withOnHand(position.onHand().subtract(quantity.abs()));
		default -> position.withOnHand(position.onHand().add(quantity));
		};
		};
	}

	/** ATP of a stored position, under the tenant's rules. */
	private BigDecimal atp(Connection connection, String tenantId, Position position) throws SQLException {
		return calculator.atp(connection, tenantId, position);
	}

	/**
	 * Changes one of the tenant's ATP rules (null removes it) and records, for every position whose ATP it moves,
	 * a RULE change with before and after: a rule is a cause like a message or an event.
	 */
	public int changeRule(String tenantId, String key, String value, String actor, String reason) throws SQLException {
		if (!key.equals(AtpRules.IN_TRANSIT) && !key.startsWith(AtpRules.RESERVE)) {
			throw new IllegalArgumentException("no such rule " + key + " (" + AtpRules.IN_TRANSIT + ", "
					+ AtpRules.RESERVE + "WEB|EDI|CRM)");
		}
		return store.inTransaction(connection -> {
			java.util.Map<String, String> rules = new java.util.TreeMap<>(tenantRules.all(connection, tenantId));
			AtpRules before = AtpRules.of(rules);
			if (value == null) {
				rules.remove(key);
			} else {
				rules.put(key, value);
			}
			AtpRules after = AtpRules.of(rules); // refuses a bad value before anything is written
			tenantRules.put(connection, tenantId, key, value, actor, reason);
			int moved = 0;
			for (Position position : inventory.allPositions(connection, tenantId)) {
				BigDecimal was = calculator.atp(connection, tenantId, position, before);
				BigDecimal now = calculator.atp(connection, tenantId, position, after);
				if (was.compareTo(now) != 0) {
					inventory.recordAtp(connection, tenantId, position.itemNumber(), position.warehouse(), "RULE", key,
							was, now, key + " = " + (value == null ? "(removed)" : value) + " by " + actor + ": " + reason);
					moved++;
				}
			}
			return moved;
		});
	}

	public BigDecimal atp(String tenantId, String item, String warehouse) throws SQLException {
		try (Connection connection = store.readConnection()) {
			java.util.Optional<Position> position = inventory.positionForUpdate(connection, tenantId, item, warehouse);
			BigDecimal value = position.isPresent() ? atp(connection, tenantId, position.get()) : BigDecimal.ZERO;
			connection.rollback();
			return value;
		}
	}

	/** Why ATP of an item at a warehouse is what it is: every change, oldest first, with cause and before/after. */
	public List<AtpChange> explainAtp(String tenantId, String item, String warehouse) throws SQLException {
		try (Connection connection = store.readConnection()) {
			List<AtpChange> history = inventory.atpHistory(connection, tenantId, item, warehouse);
			connection.rollback();
			return history;
		}
	}

	private static String signed(BigDecimal value) {
		return (value.signum() > 0 ? "+" : "") + Decimals.plain(value);
	}
}
