package io.syncline.runtime.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * their secret, revoked, and turned back into the {@link Principal} a remote call acts as. Managed by an ADMIN: the
 * command line, as the operating-system user.
 */
public final class AccessTokens {

	/** A token as listed; the secret is never kept. */
	public record Listed(long id, String tenantId, String user, Role role, Instant createdAt, String createdBy,
			Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

		public boolean valid() {
			return revokedAt == null && Instant.now().isBefore(expiresAt);
		}
	}

	/** A token just created: its secret, shown once, and what was stored. */
	public record Issued(String secret, Listed token) {
	}

	private final Store store;
	private final Principal admin;
	private final ApiTokens tokens = new ApiTokens();

	AccessTokens(Store store, Principal admin) {
		this.store = store;
		this.admin = admin;
	}

	/** A token for {@code tenantId} ({@code *}: every tenant), refused for a tenant that does not exist. */
	public Issued create(String tenantId, String user, Role role, Duration validFor) {
		requireAdmin("create a token");
		return call("create a token", () -> store.inTransaction(connection -> {
			if (!ApiTokens.EVERY_TENANT.equals(tenantId) && new Tenants().get(connection, tenantId).isEmpty()) {
				throw new NotFoundException("no tenant " + tenantId);
			}
			ApiTokens.Created created = tokens.create(connection, tenantId, user, role.name(), validFor, admin.user());
			return new Issued(created.secret(), listed(created.token()));
		}));
	}

	public List<Listed> list() {
		requireAdmin("list tokens");
		return call("list tokens",
				() -> store.inTransaction(connection -> tokens.list(connection)).stream().map(AccessTokens::listed)
						.toList());
	}

	public Listed revoke(long id) {
		requireAdmin("revoke a token");
		return call("revoke token " + id, () -> listed(store.inTransaction(c -> tokens.revoke(c, id, admin.user()))));
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

	private static Listed listed(ApiTokens.Token t) {
		return new Listed(t.id(), t.tenantId(), t.user(), Role.parse(t.role()), t.createdAt().toInstant(),
				t.createdBy(), t.expiresAt().toInstant(), t.revokedAt() == null ? null : t.revokedAt().toInstant(),
				t.lastUsedAt() == null ? null : t.lastUsedAt().toInstant());
	}
}
