package io.syncline.store;

import java.time.OffsetDateTime;
import java.util.Map;

/** A message as received, before its effects: who sent what, for which flow, with which business keys. */
public record JournalEntry(String tenantId, String partnerId, String flow, String direction, String documentType,
		String sourceName, String chainId, OffsetDateTime receivedAt, Map<String, String> businessKeys) {
}
