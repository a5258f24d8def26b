package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SLA clocks on document pairs (V17): one per partner, document, reply and business key; started when the document
 * is journaled, stopped when its reply is, breached once when it runs out. Every statement runs in the caller's
 * transaction, with the watermark of how far the journal has been read.
 */
public final class SlaClocks {

	/** Open and running; met in time; met after it ran out; ran out and still without a reply. */
	public enum State {
		OPEN, MET, MET_LATE, BREACHED
	}

	public record Clock(long id, String partnerId, String documentType, String replyType, String businessKey,
			String ruleValue, long startMessageId, OffsetDateTime startedAt, OffsetDateTime dueAt,
			OffsetDateTime warnedAt, State state, Long replyMessageId, OffsetDateTime stoppedAt, Long lateSeconds,
			Long exceptionId) {
	}

	/** What to list; null or empty means any. */
	public record Filter(Set<State> states, boolean warnedOnly, String partnerId, String documentType) {
	}

	private static final String COLUMNS = "id, partner_id, document_type, reply_type, business_key, rule_value, "
			+ "start_message_id, started_at, due_at, warned_at, state, reply_message_id, stopped_at, late_seconds, "
			+ "exception_id";

	private final Dialect dialect;

	public SlaClocks(Dialect dialect) {
		this.dialect = dialect;
	}

	/** The last journal id read for clocks, locked until the caller's transaction ends; 0 before the first. */
	public long watermark(Connection connection, String tenantId) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(dialect.insertIfAbsent("sla_watermarks",
				new String[] { "tenant_id" }, new String[] { "last_message_id" }))) {
			insert.setString(1, tenantId);
			insert.setLong(2, 0);
			insert.executeUpdate();
		}
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT last_message_id FROM sla_watermarks WHERE tenant_id = ? FOR UPDATE")) {
			query.setString(1, tenantId);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	public void advance(Connection connection, String tenantId, long lastMessageId) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE sla_watermarks SET last_message_id = ? WHERE tenant_id = ?")) {
			update.setLong(1, lastMessageId);
			update.setString(2, tenantId);
			update.executeUpdate();
		}
	}

	/** Starts a clock unless this document pair and key already has one; true if it started. */
	public boolean start(Connection connection, String tenantId, String partnerId, String documentType,
			String replyType, String businessKey, String ruleValue, long startMessageId, OffsetDateTime startedAt,
			OffsetDateTime dueAt) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(dialect.insertIfAbsent("sla_clocks",
				new String[] { "tenant_id", "partner_id", "document_type", "reply_type", "business_key" },
				new String[] { "rule_value", "start_message_id", "started_at", "due_at", "state" }))) {
			insert.setString(1, tenantId);
			insert.setString(2, partnerId);
			insert.setString(3, documentType);
			insert.setString(4, replyType);
			insert.setString(5, businessKey);
			insert.setString(6, ruleValue);
			insert.setLong(7, startMessageId);
			insert.setObject(8, startedAt);
			insert.setObject(9, dueAt);
			insert.setString(10, State.OPEN.name());
			return insert.executeUpdate() == 1;
		}
	}

	/** Clocks waiting for this reply of the partner for this key: open, or breached and still without a reply. */
	public List<Clock> awaiting(Connection connection, String tenantId, String partnerId, String replyType,
			String businessKey) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM sla_clocks "
				+ "WHERE tenant_id = ? AND partner_id = ? AND reply_type = ? AND business_key = ? "
				+ "AND stopped_at IS NULL FOR UPDATE")) {
			query.setString(1, tenantId);
			query.setString(2, partnerId);
			query.setString(3, replyType);
			query.setString(4, businessKey);
			return read(query);
		}
	}

	/** Stops a clock with its reply: MET in time, MET_LATE after it ran out, with how late. */
	public void stop(Connection connection, String tenantId, long id, long replyMessageId, OffsetDateTime stoppedAt,
			State state, Long lateSeconds) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE sla_clocks SET state = ?, "
				+ "reply_message_id = ?, stopped_at = ?, late_seconds = ? WHERE tenant_id = ? AND id = ?")) {
			update.setString(1, state.name());
			update.setLong(2, replyMessageId);
			update.setObject(3, stoppedAt);
			update.setObject(4, lateSeconds);
			update.setString(5, tenantId);
			update.setLong(6, id);
			update.executeUpdate();
		}
	}

	/** Open clocks due by {@code now}, oldest due first, locked: each is breached once. */
	public List<Clock> runOut(Connection connection, String tenantId, OffsetDateTime now) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM sla_clocks "
				+ "WHERE tenant_id = ? AND state = 'OPEN' AND due_at <= ? ORDER BY due_at, id FOR UPDATE")) {
			query.setString(1, tenantId);
			query.setObject(2, now);
			return read(query);
		}
	}

	/** Open clocks not yet warned of, to be told when they pass their warning point. */
	public List<Clock> unwarned(Connection connection, String tenantId) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM sla_clocks "
				+ "WHERE tenant_id = ? AND state = 'OPEN' AND warned_at IS NULL ORDER BY due_at, id")) {
			query.setString(1, tenantId);
			return read(query);
		}
	}

	/** Marks the warning given; false if another check gave it first. */
	public boolean warned(Connection connection, String tenantId, long id, OffsetDateTime at) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE sla_clocks SET warned_at = ? "
				+ "WHERE tenant_id = ? AND id = ? AND warned_at IS NULL")) {
			update.setObject(1, at);
			update.setString(2, tenantId);
			update.setLong(3, id);
			return update.executeUpdate() == 1;
		}
	}

	/** Marks an open clock breached, with its exception. */
	public void breached(Connection connection, String tenantId, long id, long exceptionId) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE sla_clocks SET state = 'BREACHED', "
				+ "exception_id = ? WHERE tenant_id = ? AND id = ? AND state = 'OPEN'")) {
			update.setLong(1, exceptionId);
			update.setString(2, tenantId);
			update.setLong(3, id);
			update.executeUpdate();
		}
	}

	/**
	 * The date a document keyed {@code businessKey} asks for: a purchase order's requested date, else that of the
	 * sales order with this number or customer PO.
	 */
	public java.util.Optional<java.time.LocalDate> requestedDate(Connection connection, String tenantId,
			String businessKey) throws SQLException {
		for (String sql : List.of("SELECT requested_date FROM purchase_orders WHERE tenant_id = ? AND po_number = ?",
				"SELECT requested_date FROM sales_orders WHERE tenant_id = ? AND (order_number = ? OR customer_po = ?) "
						+ "ORDER BY order_number FETCH FIRST 1 ROWS ONLY")) {
			try (PreparedStatement query = connection.prepareStatement(sql)) {
				query.setString(1, tenantId);
				query.setString(2, businessKey);
				if (sql.contains("customer_po")) {
					query.setString(3, businessKey);
				}
				try (ResultSet row = query.executeQuery()) {
					if (row.next() && row.getObject(1) != null) {
						return java.util.Optional.of(row.getObject(1, java.time.LocalDate.class));
					}
				}
			}
		}
		return java.util.Optional.empty();
	}

	/** Clocks matching the filter, oldest first, after {@code afterId} (keyset paging). */
	public List<Clock> list(Connection connection, String tenantId, Filter filter, long afterId, int pageSize)
			throws SQLException {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM sla_clocks WHERE tenant_id = ? AND id > ?");
		List<Object> parameters = new ArrayList<>(List.of(tenantId, afterId));
		if (filter.states() != null && !filter.states().isEmpty()) {
			sql.append(" AND state IN (").append(String.join(", ", java.util.Collections.nCopies(filter.states().size(),
					"?"))).append(")");
			filter.states().forEach(state -> parameters.add(state.name()));
		}
		if (filter.warnedOnly()) {
			sql.append(" AND warned_at IS NOT NULL");
		}
		if (filter.partnerId() != null) {
			sql.append(" AND partner_id = ?");
			parameters.add(filter.partnerId());
		}
		if (filter.documentType() != null) {
			sql.append(" AND document_type = ?");
			parameters.add(filter.documentType());
		}
		sql.append(" ORDER BY id FETCH FIRST ? ROWS ONLY");
		parameters.add(pageSize);
		try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
			for (int i = 0; i < parameters.size(); i++) {
				query.setObject(i + 1, parameters.get(i));
			}
			return read(query);
		}
	}

	private static List<Clock> read(PreparedStatement query) throws SQLException {
		List<Clock> clocks = new ArrayList<>();
		try (ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				clocks.add(new Clock(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
						rows.getString(5), rows.getString(6), rows.getLong(7), rows.getObject(8, OffsetDateTime.class),
						rows.getObject(9, OffsetDateTime.class), rows.getObject(10, OffsetDateTime.class),
						State.valueOf(rows.getString(11)), rows.getObject(12, Long.class),
						rows.getObject(13, OffsetDateTime.class), rows.getObject(14, Long.class),
						rows.getObject(15, Long.class)));
			}
		}
		return clocks;
	}
}
