package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The receipt each AS2 message was answered with, in the caller's transaction, for its duplicates. */
public final class As2Receipts {

	public record Receipt(String contentType, byte[] body) {
	}

	private final String keepSql;

	public As2Receipts(Dialect dialect) {
		this.keepSql = dialect.insertIfAbsent("as2_receipts", new String[] { "tenant_id", "endpoint_id", "message_id" },
				new String[] { "content_type", "body", "created_at" });
	}

	public Optional<Receipt> get(Connection connection, String tenantId, String endpointId, String messageId)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT content_type, body FROM as2_receipts "
				+ "WHERE tenant_id = ? AND endpoint_id = ? AND message_id = ?")) {
			query.setString(1, tenantId);
			query.setString(2, endpointId);
			query.setString(3, EndpointPickups.stored(messageId));
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? Optional.of(new Receipt(row.getString(1), row.getBytes(2))) : Optional.empty();
			}
		}
	}

	/** Keeps the first receipt of a message; a later one for the same Message-ID is not kept. */
	public void keep(Connection connection, String tenantId, String endpointId, String messageId, Receipt receipt)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(keepSql)) {
			insert.setString(1, tenantId);
			insert.setString(2, endpointId);
			insert.setString(3, EndpointPickups.stored(messageId));
			insert.setString(4, receipt.contentType());
			insert.setBytes(5, receipt.body());
			insert.setObject(6, StoreTime.now());
			insert.executeUpdate();
		}
	}
}
