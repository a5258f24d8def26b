package io.syncline.runtime.api;

import java.time.Instant;

/**
 * How a runtime stands, for a connections list: its version, since when it runs, how many tenants the principal
 * sees, and in the runtime's current tenant the journal's size and the exceptions open.
 */
public record RuntimeStatus(String version, Instant startedAt, String tenantId, int tenants, long journalSize,
		long openExceptions) {
}
