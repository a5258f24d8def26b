package io.syncline.runtime.api;

import java.time.Instant;

/**
 * How an endpoint fares: {@code state} is OK, FAILING (its last error is newer than its last success), NEW (it has
 * not run yet) or DISABLED; its last poll or delivery and last success; the documents it moved today (UTC); its
 * last error in words; what waits (files left for the next poll, documents not yet delivered); and what will stop
 * it soon if nobody acts, such as a certificate within 30 days of its end (null: nothing).
 */
public record EndpointHealth(String state, Instant lastPollAt, Instant lastSuccessAt, long movedToday,
		String lastError, Instant lastErrorAt, int backlog, String warning) {
}
