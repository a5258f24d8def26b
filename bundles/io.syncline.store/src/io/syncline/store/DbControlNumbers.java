package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.syncline.formats.x12.ControlNumbers;

/**
 * EDI control numbers kept in the database, per tenant, partner and kind. The counter row is created if absent,
 * then incremented under its row lock and read back in the same transaction, which commits before the number is
 * handed out: no number is given twice, and none is skipped unless the caller fails after receiving it.
 */
public final class DbControlNumbers implements ControlNumbers {

	private final Store store;
	private final String tenantId;
	private final String createSql;
	private final Connection connection;

	public DbControlNumbers(Store store, String tenantId) {
		this(store, tenantId, null);
	}

	/**
	 * Numbers taken in the caller's transaction, which also journals the document that carries them: they commit
	 * or roll back together, so a stop in between leaves no gap.
	 */
	public DbControlNumbers(Store store, String tenantId, Connection connection) {
		this.store = store;
		this.tenantId = tenantId;
		this.connection = connection;
		this.createSql = store.dialect().insertIfAbsent("control_numbers",
				new String[] { "tenant_id", "partner_id", "kind" }, new String[] { "last_value" });
	}

	@Override
	public long next(String partnerId, Kind kind) {
		try {
			return connection != null ? next(connection, partnerId, kind)
					: store.inTransaction(own -> next(own, partnerId, kind));
		} catch (SQLException e) {
			throw new IllegalStateException("cannot advance the " + kind + " control number of " + partnerId, e);
		}
	}

	private long next(Connection connection, String partnerId, Kind kind) throws SQLException {
		// the insert-if-absent statement never fails on an existing row, so the caller's transaction stays usable
		try (PreparedStatement create = connection.prepareStatement(createSql)) {
			create.setString(1, tenantId);
			create.setString(2, partnerId);
			create.setString(3, kind.name());
			create.setLong(4, 0);
			create.executeUpdate();
		} catch (SQLException e) {
			if (!"23505".equals(e.getSQLState())) {
				throw e;
			}
		}
		try (PreparedStatement increment = connection.prepareStatement("UPDATE control_numbers SET last_value = last_value + 1 "
				+ "WHERE tenant_id = ? AND partner_id = ? AND kind = ?")) {
			increment.setString(1, tenantId);
			increment.setString(2, partnerId);
			increment.setString(3, kind.name());
			increment.executeUpdate();
		}
		try (PreparedStatement read = connection.prepareStatement(
				"SELECT last_value FROM control_numbers WHERE tenant_id = ? AND partner_id = ? AND kind = ?")) {
			read.setString(1, tenantId);
			read.setString(2, partnerId);
			read.setString(3, kind.name());
			try (ResultSet row = read.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}
}
