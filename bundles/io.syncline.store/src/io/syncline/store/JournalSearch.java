package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the message journal: filtered search with keyset pagination (never OFFSET, so page 500 costs what page 1
 * does), one message with its business keys, and the rows of a time window for metrics.
 */
public final class JournalSearch {

	/** Filters; null means any. {@code businessKey} matches any key type (PO, SO, ASN …). */
	public record Filter(String partnerId, String flow, String documentType, String direction, String status,
			String businessKey, OffsetDateTime from, OffsetDateTime to) {

		public static Filter byKey(String key) {
			return new Filter(null, null, null, null, null, key, null, null);
		}
	}

	/** One message of a metrics window: its flow, status and how long it took from receipt to applied. */
	public record Timing(String flow, String status, OffsetDateTime receivedAt, OffsetDateTime appliedAt) {
	}

	private static final String COLUMNS = "m.id, m.tenant_id, m.partner_id, m.flow, m.document_type, m.status, "
			+ "m.chain_id, m.received_at, m.payload_size, m.direction, m.source_name, m.mapping_version, "
			+ "m.resubmit_of, m.applied_at, m.checkpoint_records, m.checkpoint_bytes, m.payload_purged_at";

	private final Store store;

	public JournalSearch(Store store) {
		this.store = store;
	}

	/** Messages matching the filter with ids above {@code afterId}, oldest first, at most {@code pageSize}. */
	public List<MessageJournal.Message> search(String tenantId, Filter filter, long afterId, int pageSize)
			throws SQLException {
		return search(tenantId, filter, afterId, pageSize, false);
	}

	/**
	 * As {@link #search(String, Filter, long, int)}, or newest first ({@code descending}): then the page holds the
	 * ids below {@code afterId} (0: from the newest), so the next page starts where this one ended, as deep pages
	 * cost what the first does.
	 */
	public List<MessageJournal.Message> search(String tenantId, Filter filter, long afterId, int pageSize,
			boolean descending) throws SQLException {
		if (filter.businessKey() != null) {
			return searchByKey(tenantId, filter, afterId, pageSize, descending);
		}
		return select(tenantId, filter, descending && afterId <= 0 ? Long.MAX_VALUE : afterId, null, pageSize,
				descending);
	}

	/**
	 * A key's messages are few against the journal: their ids come from the key index a batch at a time, then
	 * their rows by id with the other filters. One query joining both walked the journal by id on H2.
	 */
	private List<MessageJournal.Message> searchByKey(String tenantId, Filter filter, long afterId, int pageSize,
			boolean descending) throws SQLException {
		List<MessageJournal.Message> page = new ArrayList<>();
		long from = descending && afterId <= 0 ? Long.MAX_VALUE : afterId;
		while (page.size() < pageSize) {
			List<Long> ids = keyed(tenantId, filter.businessKey(), from, descending);
			if (ids.isEmpty()) {
				break;
			}
			for (MessageJournal.Message row : select(tenantId, filter, from, ids, pageSize - page.size(), descending)) {
				page.add(row);
			}
			if (ids.size() < KEY_BATCH) {
				break;
			}
			from = ids.get(ids.size() - 1);
		}
		return page;
	}

	private static final int KEY_BATCH = 500;

	private List<Long> keyed(String tenantId, String key, long from, boolean descending) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT DISTINCT message_id FROM message_keys "
						+ "WHERE tenant_id = ? AND key_value = ? AND message_id " + (descending ? "<" : ">")
						+ " ? ORDER BY message_id" + (descending ? " DESC" : "") + " FETCH FIRST " + KEY_BATCH
						+ " ROWS ONLY")) {
			query.setString(1, tenantId);
			query.setString(2, key);
			query.setLong(3, from);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
			}
			connection.rollback();
		}
		return ids;
	}

	/** The page past {@code from}, among {@code ids} when given; the filter's business key is not looked at. */
	private List<MessageJournal.Message> select(String tenantId, Filter filter, long from, List<Long> ids,
			int pageSize, boolean descending) throws SQLException {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM messages m WHERE m.tenant_id = ? AND m.id ")
				.append(descending ? "<" : ">").append(" ?");
		List<Object> parameters = new ArrayList<>(List.of(tenantId, from));
		if (ids != null) {
			sql.append(" AND m.id IN (").append(String.join(", ", java.util.Collections.nCopies(ids.size(), "?")))
					.append(')');
			parameters.addAll(ids);
		}
		condition(sql, parameters, "m.partner_id = ?", filter.partnerId());
		condition(sql, parameters, "m.flow = ?", filter.flow());
		condition(sql, parameters, "m.document_type = ?", filter.documentType());
		condition(sql, parameters, "m.direction = ?", filter.direction());
		condition(sql, parameters, "m.status = ?", filter.status());
		condition(sql, parameters, "m.received_at >= ?", filter.from());
		condition(sql, parameters, "m.received_at < ?", filter.to());
		// the order names an index's columns, or H2 sorts the tenant's rows instead of reading them in order; newest
		// first, a status, partner or flow (equal to one value, so the order is the same) leads to the index that
		// holds only its rows, not the tenant's index tested row by row
		sql.append(" ORDER BY m.tenant_id").append(descending ? leadingFilter(filter) : "")
				.append(descending ? ", m.id DESC" : ", m.id").append(" FETCH FIRST ? ROWS ONLY");
		parameters.add(pageSize);
		List<MessageJournal.Message> page = new ArrayList<>();
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement(sql.toString())) {
			for (int i = 0; i < parameters.size(); i++) {
				query.setObject(i + 1, parameters.get(i));
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					page.add(row(rows));
				}
			}
			connection.rollback();
		}
		return page;
	}

	/**
	 * The filter column whose index (with the id descending, V22) answers a newest-first page: a status first, as
	 * support filters for the few that failed, then a partner, then a flow.
	 */
	private static String leadingFilter(Filter filter) {
		if (filter.status() != null) {
			return ", m.status";
		}
		if (filter.partnerId() != null) {
			return ", m.partner_id";
		}
		return filter.flow() != null ? ", m.flow" : "";
	}

	private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
		if (value != null) {
			sql.append(" AND ").append(clause);
			parameters.add(value);
		}
	}

	public Optional<MessageJournal.Message> get(String tenantId, long id) throws SQLException {
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT " + COLUMNS + " FROM messages m WHERE m.tenant_id = ? AND m.id = ?")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet rows = query.executeQuery()) {
				Optional<MessageJournal.Message> found = rows.next() ? Optional.of(row(rows)) : Optional.empty();
				connection.rollback();
				return found;
			}
		}
	}

	/** Messages in and out with ids above {@code afterId}, in id order (the journal as it was written). */
	public List<MessageJournal.Message> after(String tenantId, long afterId, int limit) throws SQLException {
		List<MessageJournal.Message> messages = new ArrayList<>();
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM messages m "
						+ "WHERE m.tenant_id = ? AND m.id > ? ORDER BY m.id FETCH FIRST ? ROWS ONLY")) {
			query.setString(1, tenantId);
			query.setLong(2, afterId);
			query.setInt(3, limit);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					messages.add(row(rows));
				}
			}
			connection.rollback();
		}
		return messages;
	}

	/** The highest message id of the tenant, 0 for none. */
	public long lastId(String tenantId) throws SQLException {
		try (Connection connection = store.readConnection(); PreparedStatement query = connection.prepareStatement(
				"SELECT COALESCE(MAX(id), 0) FROM messages WHERE tenant_id = ?")) {
			query.setString(1, tenantId);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				long id = row.getLong(1);
				connection.rollback();
				return id;
			}
		}
	}

	/** The business keys of the messages with ids from {@code fromId} to {@code toId}: message id → type → values. */
	public Map<Long, Map<String, List<String>>> keysBetween(String tenantId, long fromId, long toId)
			throws SQLException {
		Map<Long, Map<String, List<String>>> keys = new java.util.HashMap<>();
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT message_id, key_type, key_value "
						+ "FROM message_keys WHERE tenant_id = ? AND message_id BETWEEN ? AND ?")) {
			query.setString(1, tenantId);
			query.setLong(2, fromId);
			query.setLong(3, toId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					keys.computeIfAbsent(rows.getLong(1), id -> new LinkedHashMap<>())
							.computeIfAbsent(rows.getString(2), type -> new ArrayList<>()).add(rows.getString(3));
				}
			}
			connection.rollback();
		}
		return keys;
	}

	/** Inbound messages journaled but never finished (status RECEIVED), oldest first. */
	public List<Long> unfinished(String tenantId) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT id FROM messages WHERE tenant_id = ? "
						+ "AND direction = 'IN' AND status = 'RECEIVED' ORDER BY id")) {
			query.setString(1, tenantId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
			}
			connection.rollback();
		}
		return ids;
	}

	/** The business keys of a message by type; several values of one type (an ASN for two POs) joined by ", ". */
	public Map<String, String> keysOf(String tenantId, long id) throws SQLException {
		Map<String, String> keys = new LinkedHashMap<>();
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT key_type, key_value FROM message_keys "
						+ "WHERE tenant_id = ? AND message_id = ? ORDER BY key_type, key_value")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					keys.merge(rows.getString(1), rows.getString(2), (a, b) -> a + ", " + b);
				}
			}
			connection.rollback();
		}
		return keys;
	}

	/**
	 * Inbound messages received since {@code since}, for throughput and latency per flow, one by one and none kept:
	 * a busy day is a million rows, which as a list would be a few hundred MB of heap for a chart that keeps a few
	 * hundred numbers of them.
	 */
	public void timings(String tenantId, OffsetDateTime since, java.util.function.Consumer<Timing> each)
			throws SQLException {
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT flow, status, received_at, applied_at "
						+ "FROM messages WHERE tenant_id = ? AND direction = 'IN' AND received_at >= ?")) {
			query.setString(1, tenantId);
			query.setObject(2, since);
			query.setFetchSize(1_000);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					each.accept(new Timing(rows.getString(1), rows.getString(2),
							rows.getObject(3, OffsetDateTime.class), rows.getObject(4, OffsetDateTime.class)));
				}
			}
			connection.rollback();
		}
	}

	static MessageJournal.Message row(ResultSet rows) throws SQLException {
		int mappingVersion = rows.getInt(12);
		Integer version = rows.wasNull() ? null : mappingVersion;
		long resubmitOf = rows.getLong(13);
		Long replaced = rows.wasNull() ? null : resubmitOf;
		return new MessageJournal.Message(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
				rows.getString(5), rows.getString(6), rows.getString(7), rows.getObject(8, OffsetDateTime.class),
				rows.getLong(9), rows.getString(10), rows.getString(11), version, replaced,
				rows.getObject(14, OffsetDateTime.class), (Long) rows.getObject(15, Long.class),
				(Long) rows.getObject(16, Long.class), rows.getObject(17, OffsetDateTime.class));
	}
}
