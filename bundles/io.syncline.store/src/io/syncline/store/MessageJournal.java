package io.syncline.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The message journal: every message is written here, payload compressed and hashed, before anything is done with
 * it, so the original bytes are never lost. Business keys are indexed for search and trace.
 */
public final class MessageJournal {

	/** One row of a journal query. */
	public record Message(long id, String tenantId, String partnerId, String flow, String documentType, String status,
			String chainId, OffsetDateTime receivedAt, long payloadSize, String direction, String sourceName,
			Integer mappingVersion, Long resubmitOf, OffsetDateTime appliedAt) {
	}

	/** Where a message ended: every record applied, some, none, or held back behind its business key. */
	public enum Status {
		RECEIVED, APPLIED, PARTIAL, FAILED, PARKED, SENT
	}

	private final Store store;

	public MessageJournal(Store store) {
		this.store = store;
	}

	/** Journals a received message with status RECEIVED, in its own transaction; returns its id. */
	public long append(JournalEntry entry, byte[] payload) throws SQLException {
		return append(entry, payload, null);
	}

	/** Journals a message that replaces an earlier one (a fixed payload resubmitted); the earlier one stays. */
	public long append(JournalEntry entry, byte[] payload, Long resubmitOf) throws SQLException {
		return store.inTransaction(connection -> insert(connection, entry, payload, resubmitOf));
	}

	/** Records where processing ended, with the mapping version used, and stamps the stages passed. */
	public void finish(Connection connection, String tenantId, long id, Status status, Integer mappingVersion)
			throws SQLException {
		boolean applied = status == Status.APPLIED || status == Status.PARTIAL || status == Status.SENT;
		try (PreparedStatement update = connection.prepareStatement("UPDATE messages SET status = ?, mapping_version = ?, "
				+ "parsed_at = COALESCE(parsed_at, ?), mapped_at = COALESCE(mapped_at, ?), applied_at = ? "
				+ "WHERE tenant_id = ? AND id = ?")) {
			OffsetDateTime now = OffsetDateTime.now();
			update.setString(1, status.name());
			update.setObject(2, mappingVersion);
			update.setObject(3, status == Status.PARKED ? null : now);
			update.setObject(4, status == Status.PARKED || status == Status.FAILED ? null : now);
			update.setObject(5, applied ? now : null);
			update.setString(6, tenantId);
			update.setLong(7, id);
			update.executeUpdate();
		}
	}

	private static long insert(Connection connection, JournalEntry entry, byte[] payload, Long resubmitOf)
			throws SQLException {
		long id;
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (tenant_id, partner_id, flow, "
				+ "direction, document_type, source_name, chain_id, status, received_at, payload_size, payload_sha256, "
				+ "payload_gzip, resubmit_of) VALUES (?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
			insert.setString(1, entry.tenantId());
			insert.setString(2, entry.partnerId());
			insert.setString(3, entry.flow());
			insert.setString(4, entry.direction());
			insert.setString(5, entry.documentType());
			insert.setString(6, entry.sourceName());
			insert.setString(7, entry.chainId());
			insert.setObject(8, entry.receivedAt());
			insert.setLong(9, payload.length);
			insert.setString(10, sha256(payload));
			insert.setBytes(11, gzip(payload));
			insert.setObject(12, resubmitOf);
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				id = keys.getLong(1);
			}
		}
		try (PreparedStatement key = connection.prepareStatement(
				"INSERT INTO message_keys (tenant_id, key_type, key_value, message_id) VALUES (?, ?, ?, ?)")) {
			for (Map.Entry<String, String> businessKey : entry.businessKeys().entrySet()) {
				key.setString(1, entry.tenantId());
				key.setString(2, businessKey.getKey());
				key.setString(3, businessKey.getValue());
				key.setLong(4, id);
				key.addBatch();
			}
			key.executeBatch();
		}
		return id;
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
		try (Connection connection = store.connection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT payload_gzip, payload_sha256 FROM messages WHERE tenant_id = ? AND id = ?")) {
			query.setString(1, tenantId);
			query.setLong(2, id);
			try (ResultSet row = query.executeQuery()) {
				if (!row.next()) {
					throw new SQLException("no message " + id + " for tenant " + tenantId);
				}
				byte[] payload = gunzip(row.getBytes(1));
				if (!sha256(payload).equals(row.getString(2))) {
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

	static byte[] gzip(byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, payload.length / 4));
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(payload);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static byte[] gunzip(byte[] compressed) {
		try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return zip.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
