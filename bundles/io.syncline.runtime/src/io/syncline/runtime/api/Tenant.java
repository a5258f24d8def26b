package io.syncline.runtime.api;

import java.time.Instant;

/**
 * A customer a runtime serves: its id (in every row of the store), its name, the X12 sender id its envelopes carry
 * ({@code ZZ:HARBORSUPPLY}), the tenant it was copied from, if any, and when.
 */
public record Tenant(String tenantId, String name, String interchangeId, String template, Instant createdAt) {
}
