package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Inbox claims whose work was abandoned: how often, and why the last time. A claim abandoned on several runs is
 * set aside at the next start rather than submitted again, so a file that hangs its worker cannot do so for ever.
 */
public final class InboxClaims {

	private final String createSql;

	public InboxClaims(Dialect dialect) {
		this.createSql = dialect.insertIfAbsent("inbox_claims", new String[] { "tenant_id", "claim_id" },
				new String[] { "abandoned", "last_abandoned_at", "last_reason" });
	}

	/** Counts one more abandonment of the claim; returns how many it has had. */
	public int abandoned(Connection connection, String tenantId, String claimId, String reason) throws SQLException {
		OffsetDateTime now = StoreTime.now();
		try (PreparedStatement update = connection.prepareStatement("UPDATE inbox_claims SET abandoned = abandoned + 1, "
				+ "last_abandoned_at = ?, last_reason = ? WHERE tenant_id = ? AND claim_id = ?")) {
			update.setObject(1, now);
			update.setString(2, clip(reason));
			update.setString(3, tenantId);
			update.setString(4, claimId);
			if (update.executeUpdate() == 0) {
				try (PreparedStatement insert = connection.prepareStatement(createSql)) {
					insert.setString(1, tenantId);
					insert.setString(2, claimId);
					insert.setInt(3, 1);
					insert.setObject(4, now);
					insert.setString(5, clip(reason));
					insert.executeUpdate();
				}
			}
		}
		return abandons(connection, tenantId, claimId).count();
	}

	/** How often a claim was abandoned, and the last reason; none for a claim never abandoned. */
	public record Abandons(int count, String lastReason) {
		static final Abandons NONE = new Abandons(0, null);
	}

	public Abandons abandons(Connection connection, String tenantId, String claimId) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT abandoned, last_reason FROM inbox_claims WHERE tenant_id = ? AND claim_id = ?")) {
			query.setString(1, tenantId);
			query.setString(2, claimId);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? new Abandons(row.getInt(1), row.getString(2)) : Abandons.NONE;
			}
		}
	}

	private static String clip(String reason) {
		return reason == null || reason.length() <= 1024 ? reason : reason.substring(0, 1021) + "…";
	}
}
