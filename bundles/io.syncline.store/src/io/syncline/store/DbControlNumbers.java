package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.syncline.formats.x12.ControlNumbers;

/**
 * EDI control numbers kept in the database, per tenant, partner and kind, taken in the caller's transaction, which
 * also journals the document that carries them: they commit or roll back together, so a stop in between leaves no
 * gap, and the counter's row lock keeps any other transaction from handing out the same number meanwhile.
 */
public final class DbControlNumbers implements ControlNumbers {

	private final String tenantId;
	private final String createSql;
	private final Connection connection;

	public DbControlNumbers(Store store, String tenantId, Connection connection) {
		this.tenantId = tenantId;
		this.connection = connection;
		this.createSql = store.dialect().insertIfAbsent("control_numbers",
				new String[] { "tenant_id", "partner_id", "kind" }, new String[] { "last_value" });
	}

	@Override
	public long next(String partnerId, Kind kind) {
		try {
			// Incremented first and created only when absent: an insert that meets the existing row would be a failed
			// statement, which H2 rolls back to a savepoint, and after that its waiters on this transaction's rows
			// spin past their lock timeout.
			if (increment(partnerId, kind) == 0 && !create(partnerId, kind)) {
				increment(partnerId, kind); // another transaction created it first, and has committed
			}
			return read(partnerId, kind);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot advance the " + kind + " control number of " + partnerId, e);
		}
	}

	private int increment(String partnerId, Kind kind) throws SQLException {
		try (PreparedStatement increment = connection.prepareStatement("UPDATE control_numbers "
				+ "SET last_value = last_value + 1 WHERE tenant_id = ? AND partner_id = ? AND kind = ?")) {
			increment.setString(1, tenantId);
			increment.setString(2, partnerId);
			increment.setString(3, kind.name());
			return increment.executeUpdate();
		}
	}

	/** The counter's row holding its first number, 1; false when it exists already. */
	private boolean create(String partnerId, Kind kind) throws SQLException {
		try (PreparedStatement create = connection.prepareStatement(createSql)) {
			create.setString(1, tenantId);
			create.setString(2, partnerId);
			create.setString(3, kind.name());
			create.setLong(4, 1);
			return create.executeUpdate() == 1;
		}
	}

	private long read(String partnerId, Kind kind) throws SQLException {
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
