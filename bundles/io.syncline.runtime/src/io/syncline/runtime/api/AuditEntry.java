package io.syncline.runtime.api;

import java.time.Instant;

/** Who did what to which subject, when, with the state before and after and the reason. */
public record AuditEntry(long id, String actor, Instant at, String action, String subject, String before,
		String after, String reason) {
}
