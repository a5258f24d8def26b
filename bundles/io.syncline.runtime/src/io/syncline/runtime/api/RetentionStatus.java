package io.syncline.runtime.api;

import java.time.Instant;
import java.util.Map;

/**
 * How long a tenant keeps its data (rules {@code retention.*} with their defaults, each an ISO-8601 period or
 * {@code never}), and what the latest purge removed: payloads emptied, their original bytes, and rows deleted
 * (journal, closed exceptions, idempotency keys, audit, ATP history). {@code journalPurgedBefore}: journal rows
 * received before this are gone (null while none was purged).
 */
public record RetentionStatus(Map<String, String> policy, Instant lastPurgeAt, long lastPurgedPayloads,
		long lastPurgedPayloadBytes, long lastPurgedRows, Instant journalPurgedBefore) {

	public RetentionStatus {
		policy = policy == null ? Map.of() : Map.copyOf(policy);
	}
}
