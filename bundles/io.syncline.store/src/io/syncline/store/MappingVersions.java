package io.syncline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Published mapping versions of a tenant, kept in the store (compressed, hashed): a message records the version
 * that mapped it, and a resubmit can choose an older or newer one. Versions count up from 1 per mapping.
 */
public final class MappingVersions {

	/** A version's metadata; {@code content} is the .synmap XMI. */
	public record Version(String mappingName, int version, String author, OffsetDateTime publishedAt, String comment,
			String sha256, byte[] content) {
	}

	private final Store store;

	public MappingVersions(Store store) {
		this.store = store;
	}

	/**
	 * Publishes the content as the next version, unless it equals the latest one (then that version is returned):
	 * importing the same demo mappings twice adds nothing.
	 */
	public Version publish(String tenantId, String mappingName, byte[] content, String author, String comment)
			throws SQLException {
		String hash = Payloads.sha256(content);
		return store.inTransaction(connection -> {
			Optional<Version> latest = latest(connection, tenantId, mappingName);
			if (latest.isPresent() && latest.get().sha256().equals(hash)) {
				return latest.get();
			}
			int version = latest.map(v -> v.version() + 1).orElse(1);
			OffsetDateTime now = StoreTime.now();
			// the primary key refuses a concurrent publisher of the same number: it rolls back and can try again
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mapping_versions (tenant_id, "
					+ "mapping_name, version, author, published_at, comment, synmap_sha256, synmap_gzip) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
				insert.setString(1, tenantId);
				insert.setString(2, mappingName);
				insert.setInt(3, version);
				insert.setString(4, author);
				insert.setObject(5, now);
				insert.setString(6, comment);
				insert.setString(7, hash);
				insert.setBytes(8, Payloads.gzip(content));
				insert.executeUpdate();
			}
			new AuditLog().append(connection, tenantId, author, "publish", "mapping/" + mappingName,
					latest.map(v -> "{\"version\":" + v.version() + "}").orElse(null), "{\"version\":" + version + "}",
					comment);
			return new Version(mappingName, version, author, now, comment, hash, content);
		});
	}

	/**
	 * Copies the latest version of every mapping of one tenant to another, as its version 1, in the caller's
	 * transaction; returns how many.
	 */
	public static int copyLatest(Connection connection, String fromTenant, String toTenant, String author)
			throws SQLException {
		try (PreparedStatement copy = connection.prepareStatement("INSERT INTO mapping_versions (tenant_id, "
				+ "mapping_name, version, author, published_at, comment, synmap_sha256, synmap_gzip) "
				+ "SELECT ?, m.mapping_name, 1, ?, ?, CONCAT(?, CAST(m.version AS VARCHAR(10))), m.synmap_sha256, "
				+ "m.synmap_gzip FROM mapping_versions m WHERE m.tenant_id = ? AND m.version = (SELECT MAX(x.version) "
				+ "FROM mapping_versions x WHERE x.tenant_id = m.tenant_id AND x.mapping_name = m.mapping_name)")) {
			copy.setString(1, toTenant);
			copy.setString(2, author);
			copy.setObject(3, StoreTime.now());
			copy.setString(4, "copied from tenant " + fromTenant + ", version ");
			copy.setString(5, fromTenant);
			return copy.executeUpdate();
		}
	}

	/** The hash a version of this content would carry. */
	public static String sha256(byte[] content) {
		return Payloads.sha256(content);
	}

	public Optional<Version> latest(String tenantId, String mappingName) throws SQLException {
		try (Connection connection = store.readConnection()) {
			Optional<Version> found = latest(connection, tenantId, mappingName);
			connection.rollback();
			return found;
		}
	}

	private static Optional<Version> latest(Connection connection, String tenantId, String mappingName)
			throws SQLException {
		List<Version> found = select(connection, "WHERE tenant_id = ? AND mapping_name = ? ORDER BY version DESC "
				+ "FETCH FIRST 1 ROWS ONLY", tenantId, mappingName, null);
		return found.stream().findFirst();
	}

	public Optional<Version> get(String tenantId, String mappingName, int version) throws SQLException {
		try (Connection connection = store.readConnection()) {
			List<Version> found = select(connection, "WHERE tenant_id = ? AND mapping_name = ? AND version = ?",
					tenantId, mappingName, version);
			connection.rollback();
			return found.stream().findFirst();
		}
	}

	/** The latest version of every mapping of the tenant, by name. */
	public List<Version> latestOfEach(String tenantId) throws SQLException {
		try (Connection connection = store.readConnection()) {
			List<Version> found = select(connection, "m WHERE tenant_id = ? AND version = (SELECT MAX(version) FROM "
					+ "mapping_versions l WHERE l.tenant_id = m.tenant_id AND l.mapping_name = m.mapping_name) "
					+ "ORDER BY mapping_name", tenantId, null, null);
			connection.rollback();
			return found;
		}
	}

	/** Every version of a mapping, newest first. */
	public List<Version> list(String tenantId, String mappingName) throws SQLException {
		try (Connection connection = store.readConnection()) {
			List<Version> found = select(connection, "WHERE tenant_id = ? AND mapping_name = ? ORDER BY version DESC",
					tenantId, mappingName, null);
			connection.rollback();
			return found;
		}
	}

	private static List<Version> select(Connection connection, String where, String tenantId, String mappingName,
			Integer version) throws SQLException {
		List<Version> versions = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT mapping_name, version, author, published_at, "
				+ "comment, synmap_sha256, synmap_gzip FROM mapping_versions " + where)) {
			query.setString(1, tenantId);
			if (mappingName != null) {
				query.setString(2, mappingName);
			}
			if (version != null) {
				query.setInt(3, version);
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					versions.add(new Version(rows.getString(1), rows.getInt(2), rows.getString(3),
							rows.getObject(4, OffsetDateTime.class), rows.getString(5), rows.getString(6),
							Payloads.gunzip(rows.getBytes(7))));
				}
			}
		}
		return versions;
	}
}
