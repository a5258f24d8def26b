package io.syncline.runtime.api;

import java.time.Instant;

/**
 * Filters for the audit log (null means any), newest first, keyset-paged by id: {@code beforeId} is the lowest id
 * of the previous page, 0 for the newest. {@code subject} matches a subject or everything under it
 * ({@code exception/} is every exception's history, {@code exception/12} one).
 */
public record AuditQuery(String actor, String action, String subject, Instant from, Instant to, long beforeId,
		int pageSize) {

	public AuditQuery {
		if (pageSize <= 0 || pageSize > 10_000) {
			throw new IllegalArgumentException("page size must be 1 to 10000, not " + pageSize);
		}
	}

	public static AuditQuery newest() {
		return new AuditQuery(null, null, null, null, null, 0, 200);
	}

	public AuditQuery byActor(String value) {
		return new AuditQuery(value, action, subject, from, to, beforeId, pageSize);
	}

	public AuditQuery ofAction(String value) {
		return new AuditQuery(actor, value, subject, from, to, beforeId, pageSize);
	}

	public AuditQuery about(String value) {
		return new AuditQuery(actor, action, value, from, to, beforeId, pageSize);
	}

	public AuditQuery between(Instant start, Instant end) {
		return new AuditQuery(actor, action, subject, start, end, beforeId, pageSize);
	}

	public AuditQuery before(long id) {
		return new AuditQuery(actor, action, subject, from, to, id, pageSize);
	}

	public AuditQuery pageSize(int size) {
		return new AuditQuery(actor, action, subject, from, to, beforeId, size);
	}
}
