package io.syncline.runtime.api;

/**
 * Who a runtime acts for: a user, with a role, in one tenant or, when {@code tenantId} is null, in every tenant of
 * the runtime. It comes from the caller's identity (the operating-system user of a local runtime, the bearer token
 * of a remote call), never from a string a request carries; audit rows name its user.
 */
public record Principal(String user, Role role, String tenantId) {

	public Principal {
		if (user == null || user.isBlank()) {
			throw new IllegalArgumentException("a principal needs a user");
		}
		if (role == null) {
			throw new IllegalArgumentException("a principal needs a role");
		}
	}

	/** The operating-system user, ADMIN of every tenant: who a local runtime acts for. */
	public static Principal localUser() {
		return new Principal(System.getProperty("user.name", "local"), Role.ADMIN, null);
	}

	public boolean seesEveryTenant() {
		return tenantId == null;
	}

	public boolean sees(String tenant) {
		return tenantId == null || tenantId.equals(tenant);
	}

	/** Refuses with {@link AccessDeniedException} unless this principal's role includes {@code needed}. */
	public void require(Role needed, String what) {
		if (!role.includes(needed)) {
			throw new AccessDeniedException(what + " needs the role " + needed + "; " + user + " is " + role);
		}
	}

	@Override
	public String toString() {
		return user + " (" + role + (tenantId == null ? ", every tenant" : " of " + tenantId) + ")";
	}
}
