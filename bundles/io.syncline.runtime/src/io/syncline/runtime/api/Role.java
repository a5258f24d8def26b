package io.syncline.runtime.api;

/**
 * What a principal may do in a tenant; each role may do what the ones before it may. Enforced where calls enter a
 * runtime from outside (the server), so a remote console cannot do more than its token allows.
 */
public enum Role {
	/** Reads everything of its tenant: journal, payloads, exceptions, documents, ATP, rules, SLA clocks, events. */
	VIEWER,
	/** Also submits documents, decides, edits, validates, resubmits, retries and assigns exceptions, ships orders. */
	OPERATOR,
	/** Also publishes mapping versions and saves partners. */
	ANALYST,
	/** Also manages tenants, rules and tokens. */
	ADMIN;

	public boolean includes(Role needed) {
		return compareTo(needed) >= 0;
	}

	/** The role named, case-insensitive; refused with the roles there are. */
	public static Role parse(String name) {
		for (Role role : values()) {
			if (role.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
				return role;
			}
		}
		throw new IllegalArgumentException("no role '" + name + "': VIEWER, OPERATOR, ANALYST or ADMIN");
	}
}
