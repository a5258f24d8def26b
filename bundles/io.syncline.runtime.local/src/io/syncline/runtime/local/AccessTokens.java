package io.syncline.runtime.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.syncline.runtime.api.AccessToken;
import io.syncline.runtime.api.IssuedToken;
import io.syncline.runtime.api.NewToken;
import io.syncline.runtime.api.NotFoundException;
import io.syncline.runtime.api.Principal;
import io.syncline.runtime.api.Role;
import io.syncline.store.ApiTokens;
import io.syncline.store.AuditLog;
import io.syncline.store.Store;
import io.syncline.store.Tenants;

import static io.syncline.runtime.local.internal.Calls.call;

/**
 * The bearer tokens of a runtime's store: created for a user, a tenant (or every tenant) and a role, listed without
 * their secret, revoked, and turned back into the {@link Principal} a remote call acts as. Managed by an ADMIN of
 * every tenant (the command line, as the operating-system user) or, for one tenant, through the API by an ADMIN of
 * it.
 */
public final class AccessTokens {

	private final Store store;
	private final Principal admin;
	private final ApiTokens tokens = new ApiTokens();

	AccessTokens(Store store, Principal admin) {
		this.store = store;
		this.admin = admin;
	}

	/** A token for {@code tenantId} ({@code *}: every tenant), refused for a tenant that does not exist. */
	public IssuedToken create(String tenantId, String user, Role role, Duration validFor) {
		requireAdmin("create a token");
		return call("create a token", () -> store.inTransaction(connection -> {
			if (!ApiTokens.EVERY_TENANT.equals(tenantId) && new Tenants().get(connection, tenantId).isEmpty()) {
				throw new NotFoundException("no tenant " + tenantId);
			}
			return issue(connection, tenantId, new NewToken(user, role, validFor, null));
		}));
	}

	public List<AccessToken> list() {
		requireAdmin("list tokens");
		return call("list tokens", () -> listed(store.inTransaction(connection -> tokens.list(connection))));
	}

	public AccessToken revoke(long id) {
		requireAdmin("revoke a token");
		return call("revoke token " + id, () -> listed(store.inTransaction(c -> tokens.revoke(c, id, admin.user(), null))));
	}

	/** The tokens of one tenant, for the API: an ADMIN of that tenant sees those, and no token for every tenant. */
	List<AccessToken> listIn(String tenantId) {
		return call("list the tokens of " + tenantId,
				() -> listed(store.inTransaction(connection -> tokens.list(connection, tenantId))));
	}

	/** A token of one tenant, for the API: the caller's checks (ADMIN of the tenant) are made before. */
	IssuedToken createIn(String tenantId, NewToken token) {
		return call("create a token", () -> store.inTransaction(connection -> issue(connection, tenantId, token)));
	}

	/** Revokes a token of one tenant; another tenant's, or one for every tenant, is not found, as if not there. */
	AccessToken revokeIn(String tenantId, long id, String reason) {
		return call("revoke token " + id, () -> listed(store.inTransaction(connection -> {
			if (tokens.get(connection, id).filter(t -> t.tenantId().equals(tenantId)).isEmpty()) {
				throw new NotFoundException("no token " + id);
			}
			return tokens.revoke(connection, id, admin.user(), reason);
		})));
	}

	private IssuedToken issue(java.sql.Connection connection, String tenantId, NewToken token)
			throws java.sql.SQLException {
		ApiTokens.Created created = tokens.create(connection, tenantId, token.user(), token.role().name(),
				token.validFor(), admin.user(), token.reason());
		return new IssuedToken(created.secret(), listed(created.token()));
	}

	/** Who a valid token acts as; empty for an unknown, expired or revoked one. */
	public Optional<Principal> authenticate(String secret) {
		return call("check a token", () -> store.inTransaction(connection -> tokens.authenticate(connection, secret)))
				.map(t -> new Principal(t.user(), Role.parse(t.role()),
						ApiTokens.EVERY_TENANT.equals(t.tenantId()) ? null : t.tenantId()));
	}

	/** Audits a failed authentication: from where, and why, never the token presented. */
	public void failed(String from, String why) {
		call("audit a failed authentication", () -> store.inTransaction(connection -> {
			new AuditLog().append(connection, ApiTokens.EVERY_TENANT, "anonymous@" + from, "authentication-failed",
					"api", null, null, why);
			return null;
		}));
	}

	private void requireAdmin(String what) {
		if (!admin.role().includes(Role.ADMIN) || !admin.seesEveryTenant()) {
			throw new io.syncline.runtime.api.AccessDeniedException(what + " needs an ADMIN of every tenant");
		}
	}

	private static List<AccessToken> listed(List<ApiTokens.Token> stored) {
		return stored.stream().map(AccessTokens::listed).toList();
	}

	private static AccessToken listed(ApiTokens.Token t) {
		return new AccessToken(t.id(), t.tenantId(), t.user(), Role.parse(t.role()), t.createdAt().toInstant(),
				t.createdBy(), t.expiresAt().toInstant(), t.revokedAt() == null ? null : t.revokedAt().toInstant(),
				t.lastUsedAt() == null ? null : t.lastUsedAt().toInstant());
	}
}
