package io.syncline.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens for remote callers. A token is {@code syn_} and 256 bits from {@link SecureRandom}, shown once when
 * created and stored only as its SHA-256; it is looked up by that hash on every request, so a revocation counts from
 * the next one. Who may create or see tokens is the caller's business; this class keeps them.
 */
public final class ApiTokens {

	/** Every tenant, for a token of the partner's own staff. */
	public static final String EVERY_TENANT = "*";

	private static final String PREFIX = "syn_";
	private static final int RANDOM_BYTES = 32;
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();
	private final AuditLog audit = new AuditLog();

	/** A token as listed: everything but the token itself, which is never kept. */
	public record Token(long id, String tenantId, String user, String role, OffsetDateTime createdAt, String createdBy,
			OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy, OffsetDateTime lastUsedAt) {

		public boolean validAt(OffsetDateTime now) {
			return revokedAt == null && now.isBefore(expiresAt);
		}
	}

	/** A token just created: the secret, to hand to its holder once, and what was stored. */
	public record Created(String secret, Token token) {
	}

	/** A user a token acts as: what audit rows and logs can show as it is. */
	private static final java.util.regex.Pattern USER = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	public Created create(Connection connection, String tenantId, String user, String role, Duration validFor,
			String actor, String reason) throws SQLException {
		if (user == null || user.isBlank()) {
			throw new IllegalArgumentException("a token needs the user it acts as");
		}
		if (!USER.matcher(user.strip()).matches()) {
			throw new IllegalArgumentException("user '" + user + "': letters, digits and . _ @ - only, at most 64");
		}
		if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(Duration.ofDays(366)) > 0) {
			throw new IllegalArgumentException("a token expires within a year, not after " + validFor);
		}
		byte[] bytes = new byte[RANDOM_BYTES];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime now = StoreTime.now();
		long id;
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_tokens (token_sha256, tenant_id, "
				+ "user_name, role, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				new String[] { "id" })) {
			insert.setString(1, hash(secret));
			insert.setString(2, tenantId);
			insert.setString(3, user.strip());
			insert.setString(4, role);
			insert.setObject(5, now);
			insert.setString(6, actor);
			insert.setObject(7, now.plus(validFor));
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				id = keys.getLong(1);
			}
		}
		audit.append(connection, tenantId, actor, "token-create", "token/" + id, null,
				"{\"user\":\"" + user.strip() + "\",\"role\":\"" + role + "\"}",
				(reason == null || reason.isBlank() ? "" : reason.strip() + "; ") + "expires " + now.plus(validFor));
		return new Created(secret, get(connection, id).orElseThrow());
	}

	/** The valid token with this secret, if any; notes when it was last used (to the minute). */
	public Optional<Token> authenticate(Connection connection, String secret) throws SQLException {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Optional<Token> found = read(connection, "WHERE token_sha256 = ?", hash(secret)).stream().findFirst();
		OffsetDateTime now = StoreTime.now();
		if (found.isEmpty() || !found.get().validAt(now)) {
			return Optional.empty();
		}
		Token token = found.get();
		if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
			try (PreparedStatement update = connection.prepareStatement(
					"UPDATE api_tokens SET last_used_at = ? WHERE id = ?")) {
				update.setObject(1, now);
				update.setLong(2, token.id());
				update.executeUpdate();
			}
		}
		return found;
	}

	public List<Token> list(Connection connection) throws SQLException {
		return read(connection, "ORDER BY id", null);
	}

	/** The tokens of one tenant, oldest first; not those for every tenant. */
	public List<Token> list(Connection connection, String tenantId) throws SQLException {
		return read(connection, "WHERE tenant_id = ? ORDER BY id", tenantId);
	}

	public Optional<Token> get(Connection connection, long id) throws SQLException {
		return read(connection, "WHERE id = ?", id).stream().findFirst();
	}

	/** Revokes a token from its next use on; revoking one revoked already changes nothing. */
	public Token revoke(Connection connection, long id, String actor, String reason) throws SQLException {
		Token token = get(connection, id).orElseThrow(() -> new NotFoundException("no token " + id));
		if (token.revokedAt() == null) {
			try (PreparedStatement update = connection.prepareStatement(
					"UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?")) {
				update.setObject(1, StoreTime.now());
				update.setString(2, actor);
				update.setLong(3, id);
				update.executeUpdate();
			}
			audit.append(connection, token.tenantId(), actor, "token-revoke", "token/" + id, null, null, reason);
		}
		return get(connection, id).orElseThrow();
	}

	private static String hash(String secret) {
		return Payloads.sha256(secret.getBytes(StandardCharsets.US_ASCII));
	}

	private static List<Token> read(Connection connection, String where, Object value) throws SQLException {
		List<Token> tokens = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT id, tenant_id, user_name, role, created_at, "
				+ "created_by, expires_at, revoked_at, revoked_by, last_used_at FROM api_tokens " + where)) {
			if (value != null) {
				query.setObject(1, value);
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					tokens.add(new Token(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
							rows.getObject(5, OffsetDateTime.class), rows.getString(6),
							rows.getObject(7, OffsetDateTime.class), rows.getObject(8, OffsetDateTime.class),
							rows.getString(9), rows.getObject(10, OffsetDateTime.class)));
				}
			}
		}
		return tokens;
	}
}
