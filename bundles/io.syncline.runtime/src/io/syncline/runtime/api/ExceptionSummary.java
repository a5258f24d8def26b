package io.syncline.runtime.api;

import java.time.Instant;

/** An exception in the queue: its kind, the business key it parks, its located error, state and attempts. */
public record ExceptionSummary(long id, Long messageId, String kind, String businessKey, String location,
		String detail, String state, int attempts, Instant nextRetryAt, String assignee, Instant createdAt) {
}
