package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The message journal: every message is written here, payload compressed and hashed, before anything is done with
 * it, so the original bytes are never lost. Business keys are indexed for search and trace.
 */
public final class MessageJournal {

	/** One row of a journal query; {@code payloadPurgedAt} is when retention emptied its payload, if it did. */
	public record Message(long id, String tenantId, String partnerId, String flow, String documentType, String status,
			String chainId, OffsetDateTime receivedAt, long payloadSize, String direction, String sourceName,
			Integer mappingVersion, Long resubmitOf, OffsetDateTime appliedAt, Long checkpointRecords,
			Long checkpointBytes, OffsetDateTime payloadPurgedAt) {
	}

	/** Where a message ended: every record applied, some, none, or held back behind its business key. */
	public enum Status {
		RECEIVED, APPLIED, PARTIAL, FAILED, PARKED, SENT,
		/** Not resumed again: it stopped the runtime on every start without progress (a POISON exception says why). */
		QUARANTINED
	}

	/** Payloads from this size on are not held in memory whole (by {@link #payload}); read them as a stream. */
	public static final long HOLD_LIMIT = 64L << 20;

	private final Store store;
	private final LargePayloads large;

	public MessageJournal(Store store) {
		this.store = store;
		this.large = new LargePayloads(store);
	}

	/**
	 * Journals a received message of any size with status RECEIVED, in its own transaction, reading the source once:
	 * it is stored compressed in pieces and hashed as it is read, so memory does not grow with it.
	 */
	public long appendStreamed(JournalEntry entry, java.io.InputStream source, Long resubmitOf)
			throws SQLException, java.io.IOException {
		return appendStreamed(entry, source, resubmitOf, (connection, id) -> {
		});
	}

	/** Work that joins the transaction journaling a message, once the message has its id. */
	@FunctionalInterface
	public interface WithMessage {
		void run(Connection connection, long messageId) throws SQLException;
	}

	/**
	 * As {@link #appendStreamed(JournalEntry, java.io.InputStream, Long)}, with {@code also} in the same transaction
	 * after the payload is written (an endpoint's claim of the pickup): if it throws, nothing is journaled.
	 */
	public long appendStreamed(JournalEntry entry, java.io.InputStream source, Long resubmitOf, WithMessage also)
			throws SQLException, java.io.IOException {
		try {
			return store.inTransaction(connection -> {
				long id = write(connection, List.of(entry), List.of(new byte[0]), resubmitOf, null, null)[0];
				LargePayloads.Stored stored;
				try {
					stored = LargePayloads.write(connection, entry.tenantId(), id, source);
				} catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
				try (PreparedStatement update = connection.prepareStatement("UPDATE messages SET payload_size = ?, "
						+ "payload_sha256 = ?, payload_pieces = ? WHERE tenant_id = ? AND id = ?")) {
					update.setLong(1, stored.size());
					update.setString(2, stored.sha256());
					update.setInt(3, stored.pieces());
					update.setString(4, entry.tenantId());
					update.setLong(5, id);
					update.executeUpdate();
				}
				also.run(connection, id);
				return id;
			});
		} catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		}
	}

	/** How a message's payload is stored: its size, and in how many pieces (0: in one column). */
	public record PayloadInfo(long size, int pieces, String sha256) {
		public boolean streamed() {
			return pieces > 0;
		}
	}

	public PayloadInfo payloadInfo(String tenantId, long id) throws SQLException {
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT payload_size, payload_pieces, "
						+ "payload_sha256, payload_purged_at FROM messages WHERE tenant_id = ? AND id = ?")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					throw Retention.missingMessage(connection, tenantId, id);
				}
				OffsetDateTime purged = row.getObject(4, OffsetDateTime.class);
				if (purged != null) {
					throw new NotFoundException("the payload of message " + id + " was purged on " + purged.toLocalDate()
							+ " by the tenant's retention policy (rule " + RetentionPolicy.PAYLOADS + "); its journal "
							+ "row and business keys are kept");
				}
				PayloadInfo info = new PayloadInfo(row.getLong(1), row.getInt(2), row.getString(3));
				connection.rollback();
				return info;
			}
		}
	}

	/** The original bytes as a stream, whatever their size; checked against the stored hash at the end. */
	public java.io.InputStream openPayload(String tenantId, long id) throws SQLException, java.io.IOException {
		PayloadInfo info = payloadInfo(tenantId, id);
		if (!info.streamed()) {
			return new java.io.ByteArrayInputStream(payload(tenantId, id));
		}
		return large.open(tenantId, id, info.pieces(), info.sha256());
	}

	/** Journals a received message with status RECEIVED, in its own transaction; returns its id. */
	public long append(JournalEntry entry, byte[] payload) throws SQLException {
		return append(entry, payload, null);
	}

	/** Journals a message that replaces an earlier one (a fixed payload resubmitted); the earlier one stays. */
	public long append(JournalEntry entry, byte[] payload, Long resubmitOf) throws SQLException {
		return store.inTransaction(connection -> append(connection, entry, payload, resubmitOf));
	}

	/** Journals a message in the caller's transaction (a batch of messages committed together). */
	public long append(Connection connection, JournalEntry entry, byte[] payload, Long resubmitOf) throws SQLException {
		return write(connection, List.of(entry), List.of(payload), resubmitOf, null, null)[0];
	}

	/**
	 * Journals many messages in the caller's transaction with one batched statement for the rows and one for their
	 * keys; their ids in order.
	 */
	public long[] appendAll(Connection connection, List<JournalEntry> entries, List<byte[]> payloads)
			throws SQLException {
		return appendAll(connection, entries, payloads, null, null);
	}

	/**
	 * As {@link #appendAll(Connection, List, List)}, for messages whose end is already known in the transaction
	 * that journals them (a batch applied as a whole): each row is written once, with its final status, mapping
	 * version and stage times, instead of written and then updated.
	 */
	public long[] appendAll(Connection connection, List<JournalEntry> entries, List<byte[]> payloads, Status ended,
			Integer mappingVersion) throws SQLException {
		return write(connection, entries, payloads, null, ended, mappingVersion);
	}

	/** The rows in one batched statement, then their business keys in another; ids in order. */
	private static long[] write(Connection connection, List<JournalEntry> entries, List<byte[]> payloads,
			Long resubmitOf, Status ended, Integer mappingVersion) throws SQLException {
		long[] ids = new long[entries.size()];
		try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
			OffsetDateTime now = StoreTime.now();
			for (int i = 0; i < entries.size(); i++) {
				bindInsert(insert, entries.get(i), payloads.get(i), resubmitOf);
				insert.setString(13, ended == null ? Status.RECEIVED.name() : ended.name());
				insert.setObject(14, mappingVersion);
				bindStages(insert, 15, ended, now);
				insert.addBatch();
			}
			insert.executeBatch();
			int count = 0;
			try (ResultSet keys = insert.getGeneratedKeys()) {
				while (keys.next() && count < ids.length) {
					ids[count++] = keys.getLong(1);
				}
			}
			if (count != ids.length) {
				throw new SQLException("the database returned " + count + " ids for " + ids.length + " messages");
			}
		}
		if (entries.stream().anyMatch(entry -> !entry.businessKeys().isEmpty())) {
			try (PreparedStatement key = connection.prepareStatement(INSERT_KEY)) {
				for (int i = 0; i < entries.size(); i++) {
					for (Map.Entry<String, String> businessKey : entries.get(i).businessKeys().entrySet()) {
						bindKey(key, entries.get(i).tenantId(), businessKey, ids[i]);
						key.addBatch();
					}
				}
				key.executeBatch();
			}
		}
		return ids;
	}

	private static final String INSERT = "INSERT INTO messages (tenant_id, partner_id, flow, direction, "
			+ "document_type, source_name, chain_id, received_at, payload_size, payload_sha256, payload_gzip, resubmit_of, "
			+ "status, mapping_version, parsed_at, mapped_at, applied_at) "
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String INSERT_KEY = "INSERT INTO message_keys (tenant_id, key_type, key_value, message_id) "
			+ "VALUES (?, ?, ?, ?)";

	private static void bindInsert(PreparedStatement insert, JournalEntry entry, byte[] payload, Long resubmitOf)
			throws SQLException {
		insert.setString(1, entry.tenantId());
		insert.setString(2, entry.partnerId());
		insert.setString(3, entry.flow());
		insert.setString(4, entry.direction());
		insert.setString(5, entry.documentType());
		insert.setString(6, entry.sourceName());
		insert.setString(7, entry.chainId());
		insert.setObject(8, entry.receivedAt());
		insert.setLong(9, payload.length);
		insert.setString(10, Payloads.sha256(payload));
		insert.setBytes(11, Payloads.gzip(payload));
		insert.setObject(12, resubmitOf);
	}

	private static void bindKey(PreparedStatement key, String tenantId, Map.Entry<String, String> businessKey,
			long messageId) throws SQLException {
		key.setString(1, tenantId);
		key.setString(2, businessKey.getKey());
		key.setString(3, businessKey.getValue());
		key.setLong(4, messageId);
	}

	private static final String FINISH = "UPDATE messages SET status = ?, mapping_version = ?, "
			+ "parsed_at = COALESCE(parsed_at, ?), mapped_at = COALESCE(mapped_at, ?), applied_at = ? "
			+ "WHERE tenant_id = ? AND id = ?";

	/**
	 * The stage times (parsed, mapped, applied, from parameter {@code at}) of a message that ended so: a parked one
	 * passed none yet, a failed one was parsed; none for a message still RECEIVED ({@code ended} null).
	 */
	private static void bindStages(PreparedStatement statement, int at, Status ended, OffsetDateTime now)
			throws SQLException {
		boolean applied = ended == Status.APPLIED || ended == Status.PARTIAL || ended == Status.SENT;
		statement.setObject(at, ended == null || ended == Status.PARKED ? null : now);
		statement.setObject(at + 1, ended == null || ended == Status.PARKED || ended == Status.FAILED ? null : now);
		statement.setObject(at + 2, applied ? now : null);
	}

	private static void bindFinish(PreparedStatement update, String tenantId, long id, Status status,
			Integer mappingVersion) throws SQLException {
		update.setString(1, status.name());
		update.setObject(2, mappingVersion);
		bindStages(update, 3, status, StoreTime.now());
		update.setString(6, tenantId);
		update.setLong(7, id);
	}

	/** An outbound document made but not yet delivered to its partner's outbox. */
	public record Pending(long id, String partnerId, String sourceName) {
	}

	/**
	 * Outbound documents committed but not yet published (a stop came between the two), oldest first. They are
	 * journaled RECEIVED and become SENT when published, so the status index finds them among few rows.
	 */
	public List<Pending> unpublished(String tenantId) throws SQLException {
		List<Pending> pending = new java.util.ArrayList<>();
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT id, partner_id, source_name FROM messages "
						+ "WHERE tenant_id = ? AND status = 'RECEIVED' AND direction = 'OUT' AND published_at IS NULL "
						+ "ORDER BY id")) {
			query.setString(1, tenantId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					pending.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3)));
				}
			}
			connection.rollback();
		}
		return pending;
	}

	/** An outbound document delivered to the outbox, for an endpoint that carries it on to the partner. */
	public record Sent(long id, String documentType, String sourceName) {
	}

	/** A partner's outbound documents published after {@code afterId}, oldest first, at most {@code limit}. */
	public List<Sent> sentAfter(String tenantId, String partnerId, long afterId, int limit) throws SQLException {
		List<Sent> sent = new java.util.ArrayList<>();
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement("SELECT id, document_type, source_name FROM messages "
						+ "WHERE tenant_id = ? AND id > ? AND direction = 'OUT' AND partner_id = ? "
						+ "AND published_at IS NOT NULL ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
			query.setString(1, tenantId);
			query.setLong(2, afterId);
			query.setString(3, partnerId);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					sent.add(new Sent(rows.getLong(1), rows.getString(2), rows.getString(3)));
				}
			}
			connection.rollback();
		}
		return sent;
	}

	/** The newest message's id, 0 if none: where a new endpoint's deliveries begin. */
	public long newestId(Connection connection, String tenantId) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT COALESCE(MAX(id), 0) FROM messages WHERE tenant_id = ?")) {
			query.setString(1, tenantId);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	/** Marks an outbound document as delivered to the outbox. */
	public void published(String tenantId, long id) throws SQLException {
		store.inTransaction(connection -> {
			try (PreparedStatement update = connection.prepareStatement("UPDATE messages SET status = 'SENT', "
					+ "published_at = ? WHERE tenant_id = ? AND id = ?")) {
				update.setObject(1, StoreTime.now());
				update.setString(2, tenantId);
				update.setLong(3, id);
				update.executeUpdate();
			}
			return null;
		});
	}

	/** Records where processing ended, with the mapping version used, and stamps the stages passed. */
	public void finish(Connection connection, String tenantId, long id, Status status, Integer mappingVersion)
			throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(FINISH)) {
			bindFinish(update, tenantId, id, status, mappingVersion);
			update.executeUpdate();
		}
	}

	/** Adds business keys learnt after the message was journaled (an X12 PO number is known once it is read). */
	public void addKeys(Connection connection, String tenantId, long messageId, Map<String, String> keys)
			throws SQLException {
		String sql = store.dialect().insertIfAbsent("message_keys",
				new String[] { "tenant_id", "key_type", "key_value", "message_id" }, new String[0]);
		try (PreparedStatement key = connection.prepareStatement(sql)) {
			for (Map.Entry<String, String> businessKey : keys.entrySet()) {
				key.setString(1, tenantId);
				key.setString(2, businessKey.getKey());
				key.setString(3, businessKey.getValue());
				key.setLong(4, messageId);
				key.addBatch();
			}
			key.executeBatch();
		}
	}

	/** The original bytes, exactly as received; the stored hash proves it. */
	public byte[] payload(String tenantId, long id) throws SQLException {
		PayloadInfo info = payloadInfo(tenantId, id);
		if (info.streamed()) {
			if (info.size() >= HOLD_LIMIT) {
				throw new PayloadTooLargeException(id, info.size());
			}
			try (java.io.InputStream in = large.open(tenantId, id, info.pieces(), info.sha256())) {
				return in.readAllBytes();
			} catch (java.io.IOException e) {
				throw new SQLException(e.getMessage(), e);
			}
		}
		try (Connection connection = store.readConnection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT payload_gzip, payload_sha256 FROM messages WHERE tenant_id = ? AND id = ?")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					throw Retention.missingMessage(connection, tenantId, id);
				}
				byte[] payload = Payloads.gunzip(row.getBytes(1));
				if (!Payloads.sha256(payload).equals(row.getString(2))) {
					throw new SQLException("message " + id + ": stored payload does not match its hash");
				}
				return payload;
			}
		}
	}

	/**
	 * Messages carrying a business key value, oldest first, one page at a time: pass the last id of the previous page
	 * (0 for the first). Keyset pagination, never OFFSET, so deep pages cost what the first does.
	 */
	public List<Message> findByKey(String tenantId, String keyValue, long afterId, int pageSize) throws SQLException {
		return new JournalSearch(store).search(tenantId, JournalSearch.Filter.byKey(keyValue), afterId, pageSize);
	}
}
