package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** AS2 messages sent whose asynchronous receipt is awaited, in the caller's transaction. */
public final class As2Awaiting {

	public enum State {
		AWAITING, DELIVERED, REFUSED, TIMED_OUT
	}

	public record Sent(String as2MessageId, long messageId, String mic, OffsetDateTime sentAt, State state) {
	}

	/** Records a message sent, awaiting its receipt; sent again (a redelivery), it awaits afresh. */
	public void await(Connection connection, String tenantId, String endpointId, String as2MessageId, long messageId,
			String mic) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM as2_awaiting WHERE tenant_id = ? "
				+ "AND endpoint_id = ? AND as2_message_id = ?")) {
			delete.setString(1, tenantId);
			delete.setString(2, endpointId);
			delete.setString(3, as2MessageId);
			delete.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO as2_awaiting (tenant_id, endpoint_id, "
				+ "as2_message_id, message_id, mic, sent_at, state) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, tenantId);
			insert.setString(2, endpointId);
			insert.setString(3, as2MessageId);
			insert.setLong(4, messageId);
			insert.setString(5, mic);
			insert.setObject(6, StoreTime.now());
			insert.setString(7, State.AWAITING.name());
			insert.executeUpdate();
		}
	}

	/** The awaited message a receipt answers, if it still awaits one. */
	public Optional<Sent> awaiting(Connection connection, String tenantId, String endpointId, String as2MessageId)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT as2_message_id, message_id, mic, sent_at, "
				+ "state FROM as2_awaiting WHERE tenant_id = ? AND endpoint_id = ? AND as2_message_id = ? AND state = ?")) {
			query.setString(1, tenantId);
			query.setString(2, endpointId);
			query.setString(3, as2MessageId);
			query.setString(4, State.AWAITING.name());
			return rows(query).stream().findFirst();
		}
	}

	/** Messages still awaiting a receipt that were sent before {@code before}. */
	public List<Sent> overdue(Connection connection, String tenantId, String endpointId, OffsetDateTime before)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT as2_message_id, message_id, mic, sent_at, "
				+ "state FROM as2_awaiting WHERE tenant_id = ? AND endpoint_id = ? AND state = ? AND sent_at < ? "
				+ "ORDER BY sent_at")) {
			query.setString(1, tenantId);
			query.setString(2, endpointId);
			query.setString(3, State.AWAITING.name());
			query.setObject(4, before);
			return rows(query);
		}
	}

	public void settle(Connection connection, String tenantId, String endpointId, String as2MessageId, State state)
			throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE as2_awaiting SET state = ? "
				+ "WHERE tenant_id = ? AND endpoint_id = ? AND as2_message_id = ?")) {
			update.setString(1, state.name());
			update.setString(2, tenantId);
			update.setString(3, endpointId);
			update.setString(4, as2MessageId);
			update.executeUpdate();
		}
	}

	private static List<Sent> rows(PreparedStatement query) throws SQLException {
		List<Sent> rows = new ArrayList<>();
		try (ResultSet row = query.executeQuery()) {
			while (row.next()) {
				rows.add(new Sent(row.getString(1), row.getLong(2), row.getString(3),
						row.getObject(4, OffsetDateTime.class), State.valueOf(row.getString(5))));
			}
		}
		return rows;
	}
}
