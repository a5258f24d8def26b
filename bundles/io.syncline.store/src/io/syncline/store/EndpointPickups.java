package io.syncline.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * What each endpoint picked up, claimed with a uniqueness constraint in the transaction that journals it. Unlike an
 * in-memory list of seen names, the claims outlive a restart; unlike a listing's newest mtime, they do not miss a
 * file copied in with an old one: every pickup is its own key.
 */
public final class EndpointPickups {

	private static final int KEY_LENGTH = 512;
	private final String claimSql;

	public EndpointPickups(Dialect dialect) {
		this.claimSql = dialect.insertIfAbsent("endpoint_pickups",
				new String[] { "tenant_id", "endpoint_id", "pickup_key" }, new String[] { "message_id", "picked_at" });
	}

	/** Claims a pickup for a journaled message; false if it was claimed before (the transaction must then roll back). */
	public boolean claim(Connection connection, String tenantId, String endpointId, String pickupKey, long messageId)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(claimSql)) {
			insert.setString(1, tenantId);
			insert.setString(2, endpointId);
			insert.setString(3, stored(pickupKey));
			insert.setLong(4, messageId);
			insert.setObject(5, StoreTime.now());
			return insert.executeUpdate() == 1;
		}
	}

	/** The message a pickup was journaled as, if it was claimed. */
	public OptionalLong claimed(Connection connection, String tenantId, String endpointId, String pickupKey)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT message_id FROM endpoint_pickups "
				+ "WHERE tenant_id = ? AND endpoint_id = ? AND pickup_key = ?")) {
			query.setString(1, tenantId);
			query.setString(2, endpointId);
			query.setString(3, stored(pickupKey));
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
			}
		}
	}

	/** A key too long for its column is stored as its SHA-256, which stays unique. */
	static String stored(String pickupKey) {
		if (pickupKey.length() <= KEY_LENGTH) {
			return pickupKey;
		}
		try {
			return "sha256:" + HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(pickupKey.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
