package io.syncline.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stock positions, site snapshots and ATP history, in the caller's transaction. */
public final class Inventory {

	public record Position(String itemNumber, String warehouse, BigDecimal onHand, BigDecimal allocated,
			BigDecimal damaged, BigDecimal inTransit, OffsetDateTime asOf) {

		public Position withOnHand(BigDecimal value) {
			return new Position(itemNumber, warehouse, value, allocated, damaged, inTransit, asOf);
		}

		public Position withDamaged(BigDecimal value) {
			return new Position(itemNumber, warehouse, onHand, allocated, value, inTransit, asOf);
		}
	}

	public record AtpChange(OffsetDateTime at, String cause, String reference, BigDecimal before, BigDecimal after,
			String detail) {
	}

	/** Every read of positions: the columns {@link #position} takes, of one tenant; the caller adds the rest. */
	private static final String SELECT_POSITIONS = "SELECT item_number, warehouse, on_hand, allocated, damaged, "
			+ "in_transit, as_of FROM inventory_positions WHERE tenant_id = ? ";

	public Optional<Position> positionForUpdate(Connection connection, String tenantId, String item, String warehouse)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(SELECT_POSITIONS
				+ "AND item_number = ? AND warehouse = ? FOR UPDATE")) {
			query.setString(1, tenantId);
			query.setString(2, item);
			query.setString(3, warehouse);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? Optional.of(position(row)) : Optional.empty();
			}
		}
	}

	/**
	 * The stored positions among these (item, warehouse) pairs, locked, keyed by {@link #key}; pairs without a
	 * position are absent. Locked in item and warehouse order, as every batch locks, so two batches cannot deadlock.
	 */
	public Map<String, Position> positionsForUpdate(Connection connection, String tenantId,
			Collection<String[]> itemsAndWarehouses) throws SQLException {
		Map<String, Position> found = new HashMap<>();
		if (itemsAndWarehouses.isEmpty()) {
			return found;
		}
		String pairs = String.join(", ", java.util.Collections.nCopies(itemsAndWarehouses.size(), "(?, ?)"));
		try (PreparedStatement query = connection.prepareStatement(SELECT_POSITIONS
				+ "AND (item_number, warehouse) IN (" + pairs + ") ORDER BY item_number, warehouse FOR UPDATE")) {
			query.setString(1, tenantId);
			int index = 2;
			for (String[] pair : itemsAndWarehouses) {
				query.setString(index++, pair[0]);
				query.setString(index++, pair[1]);
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					Position position = position(rows);
					found.put(key(position.itemNumber(), position.warehouse()), position);
				}
			}
		}
		return found;
	}

	/** The key of a position in {@link #positionsForUpdate}'s answer. */
	public static String key(String item, String warehouse) {
		return item + "@" + warehouse;
	}

	/** Writes many positions: updates of rows read under lock ({@code stored}), inserts of the others. */
	public void putAll(Connection connection, String tenantId, Collection<Position> positions, Set<String> stored)
			throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(UPDATE_POSITION);
				PreparedStatement insert = connection.prepareStatement(INSERT_POSITION)) {
			boolean updates = false;
			boolean inserts = false;
			for (Position position : positions) {
				if (stored.contains(key(position.itemNumber(), position.warehouse()))) {
					bindUpdate(update, tenantId, position);
					update.addBatch();
					updates = true;
				} else {
					bindInsert(insert, tenantId, position);
					insert.addBatch();
					inserts = true;
				}
			}
			if (updates) {
				update.executeBatch();
			}
			if (inserts) {
				insert.executeBatch();
			}
		}
	}

	/** One ATP change to record with {@link #recordAtpAll}. */
	public record AtpRecord(String item, String warehouse, String cause, String reference, BigDecimal before,
			BigDecimal after, String detail) {
	}

	public void recordAtpAll(Connection connection, String tenantId, List<AtpRecord> changes) throws SQLException {
		if (changes.isEmpty()) {
			return;
		}
		try (PreparedStatement insert = connection.prepareStatement(RECORD_ATP)) {
			OffsetDateTime now = StoreTime.now();
			for (AtpRecord change : changes) {
				insert.setString(1, tenantId);
				insert.setString(2, change.item());
				insert.setString(3, change.warehouse());
				insert.setObject(4, now);
				insert.setString(5, change.cause());
				insert.setString(6, change.reference());
				insert.setBigDecimal(7, change.before());
				insert.setBigDecimal(8, change.after());
				insert.setString(9, change.detail());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static final String RECORD_ATP = "INSERT INTO atp_history (tenant_id, item_number, warehouse, at, cause, "
			+ "reference, atp_before, atp_after, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	public List<Position> positionsOfSite(Connection connection, String tenantId, String warehouse) throws SQLException {
		List<Position> positions = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(SELECT_POSITIONS
				+ "AND warehouse = ? ORDER BY item_number FOR UPDATE")) {
			query.setString(1, tenantId);
			query.setString(2, warehouse);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					positions.add(position(rows));
				}
			}
		}
		return positions;
	}

	private static Position position(ResultSet row) throws SQLException {
		return new Position(row.getString(1), row.getString(2), row.getBigDecimal(3), row.getBigDecimal(4),
				row.getBigDecimal(5), row.getBigDecimal(6), row.getObject(7, OffsetDateTime.class));
	}

	/** Writes a position: an update of the row the caller read under lock, or a new row. */
	public void put(Connection connection, String tenantId, Position position) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(UPDATE_POSITION)) {
			bindUpdate(update, tenantId, position);
			if (update.executeUpdate() == 1) {
				return;
			}
		}
		try (PreparedStatement insert = connection.prepareStatement(INSERT_POSITION)) {
			bindInsert(insert, tenantId, position);
			insert.executeUpdate();
		}
	}

	private static final String UPDATE_POSITION = "UPDATE inventory_positions SET on_hand = ?, allocated = ?, "
			+ "damaged = ?, in_transit = ?, as_of = ? WHERE tenant_id = ? AND item_number = ? AND warehouse = ?";

	private static final String INSERT_POSITION = "INSERT INTO inventory_positions (tenant_id, item_number, warehouse, "
			+ "on_hand, allocated, damaged, in_transit, as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	private static void bindUpdate(PreparedStatement update, String tenantId, Position position) throws SQLException {
		update.setBigDecimal(1, position.onHand());
		update.setBigDecimal(2, position.allocated());
		update.setBigDecimal(3, position.damaged());
		update.setBigDecimal(4, position.inTransit());
		update.setObject(5, position.asOf());
		update.setString(6, tenantId);
		update.setString(7, position.itemNumber());
		update.setString(8, position.warehouse());
	}

	private static void bindInsert(PreparedStatement insert, String tenantId, Position position) throws SQLException {
		insert.setString(1, tenantId);
		insert.setString(2, position.itemNumber());
		insert.setString(3, position.warehouse());
		insert.setBigDecimal(4, position.onHand());
		insert.setBigDecimal(5, position.allocated());
		insert.setBigDecimal(6, position.damaged());
		insert.setBigDecimal(7, position.inTransit());
		insert.setObject(8, position.asOf());
	}

	public void removeSite(Connection connection, String tenantId, String warehouse) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM inventory_positions WHERE tenant_id = ? AND warehouse = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, warehouse);
			delete.executeUpdate();
		}
	}

	/**
	 * Records a site snapshot as the newest if it is newer than the last one, in one locked read and write; false if
	 * an equal or newer snapshot was applied before (then this one must be ignored).
	 */
	public boolean claimSnapshot(Connection connection, Dialect dialect, String tenantId, String warehouse,
			OffsetDateTime asOf, long messageId) throws SQLException {
		try (PreparedStatement create = connection.prepareStatement(dialect.insertIfAbsent("site_snapshots",
				new String[] { "tenant_id", "warehouse" }, new String[] { "as_of", "message_id" }))) {
			create.setString(1, tenantId);
			create.setString(2, warehouse);
			create.setObject(3, OffsetDateTime.parse("1970-01-01T00:00:00Z"));
			create.setObject(4, null);
			create.executeUpdate();
		}
		try (PreparedStatement update = connection.prepareStatement("UPDATE site_snapshots SET as_of = ?, message_id = ? "
				+ "WHERE tenant_id = ? AND warehouse = ? AND as_of < ?")) {
			update.setObject(1, asOf);
			update.setLong(2, messageId);
			update.setString(3, tenantId);
			update.setString(4, warehouse);
			update.setObject(5, asOf);
			return update.executeUpdate() == 1;
		}
	}

	public void recordAtp(Connection connection, String tenantId, String item, String warehouse, String cause,
			String reference, BigDecimal before, BigDecimal after, String detail) throws SQLException {
		recordAtpAll(connection, tenantId, List.of(new AtpRecord(item, warehouse, cause, reference, before, after,
				detail)));
	}

	/** Every ATP change of an item at a warehouse, oldest first, with its cause. */
	public List<AtpChange> atpHistory(Connection connection, String tenantId, String item, String warehouse)
			throws SQLException {
		List<AtpChange> changes = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT at, cause, reference, atp_before, atp_after, "
				+ "detail FROM atp_history WHERE tenant_id = ? AND item_number = ? AND warehouse = ? ORDER BY id")) {
			query.setString(1, tenantId);
			query.setString(2, item);
			query.setString(3, warehouse);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					changes.add(new AtpChange(rows.getObject(1, OffsetDateTime.class), rows.getString(2), rows.getString(3),
							rows.getBigDecimal(4), rows.getBigDecimal(5), rows.getString(6)));
				}
			}
		}
		return changes;
	}

	/** Every stock position of a tenant, under row locks (a rule change recomputes them all). */
	public List<Position> allPositions(Connection connection, String tenantId) throws SQLException {
		List<Position> positions = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(SELECT_POSITIONS
				+ "ORDER BY warehouse, item_number FOR UPDATE")) {
			query.setString(1, tenantId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					positions.add(position(rows));
				}
			}
		}
		return positions;
	}

	/**
	 * Stock on its way to a warehouse: ship notices received for it (expected receipts), by the Harbor item of the
	 * PO line each shipped SKU belongs to.
	 */
	public BigDecimal expectedInbound(Connection connection, String tenantId, String item, String warehouse)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT COALESCE(SUM(r.quantity), 0) "
				+ "FROM expected_receipts r JOIN po_lines l ON l.tenant_id = r.tenant_id AND l.po_number = r.po_number "
				+ "AND l.supplier_sku = r.supplier_sku WHERE r.tenant_id = ? AND r.warehouse = ? AND l.item_number = ?")) {
			query.setString(1, tenantId);
			query.setString(2, warehouse);
			query.setString(3, item);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getBigDecimal(1);
			}
		}
	}
}
